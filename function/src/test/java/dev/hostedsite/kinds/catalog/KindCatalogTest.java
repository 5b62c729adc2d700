package dev.hostedsite.kinds.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.OperatorKinds;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog holds each kind once, and the tables beside it do not repeat what a declaration says. */
class KindCatalogTest {

    @Test
    void eachKindIsDeclaredOnce() {
        Set<String> kinds = KindCatalog.DECLARED.stream().map(KindSpec::kind).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(KindCatalog.DECLARED.size(), kinds.size(), KindCatalog.DECLARED.toString());
    }

    /**
     * A kind an operator's bundle brings that the render emits and declares takes its wave from the declaration:
     * OperatorKinds leaves its wave out (IPAddressPoolKindTest shows a passthrough pool getting the declared wave).
     */
    @Test
    void operatorKindsLeaveTheWavesOfDeclaredKindsToTheirUnits() {
        for (OperatorKinds.Kind k : OperatorKinds.KINDS) {
            boolean declared = KindCatalog.of(k.kind()).filter(s -> s.group().equals(k.group())).isPresent();
            assertEquals(declared, k.wave() == null, k.kind());
        }
    }
}
