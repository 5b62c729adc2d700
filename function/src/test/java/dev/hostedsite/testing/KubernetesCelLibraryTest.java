package dev.hostedsite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kubernetes CEL functions against the examples in their upstream doc comments
 * (kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/{ip,cidr,urls,regex}.go) and the edge
 * cases Go's netip and net/url decide.
 */
class KubernetesCelLibraryTest {

    @ParameterizedTest
    @CsvSource({"192.168.0.1,4", "::1,6", "2001:db8::abcd,6", "::1.2.3.4,6", "0.0.0.0,4",
            "192.168.0.01,0", "256.0.0.1,0", "1.2.3,0", "1.2.3.4.5,0", "::ffff:1.2.3.4,0", "fe80::1%eth0,0",
            "example.com,0", "'',0", "1.2.3.4/32,0", "::1.2.3.04,0"})
    void ipIsNetipParseAddrWithoutZonesAndMappedAddresses(String text, int family) {
        assertEquals(family, KubernetesCelLibrary.parseIp(text).map(ip -> (int) ip.family()).orElse(0));
    }

    @ParameterizedTest
    @CsvSource({"192.168.0.0/16,4,16", "::1/128,6,128", "192.168.0.1/24,4,24", "0.0.0.0/0,4,0", "fd98::/64,6,64",
            "192.168.0.0/33,0,0", "::1/129,0,0", "10.0.0.0/08,0,0", "10.0.0.0,0,0", "10.0.0.0/,0,0",
            "::ffff:1.2.3.4/24,0,0", "010.0.0.0/8,0,0"})
    void cidrIsNetipParsePrefixWithoutMappedAddresses(String text, int family, int bits) {
        var cidr = KubernetesCelLibrary.parseCidr(text);
        assertEquals(family, cidr.map(c -> (int) c.ip().family()).orElse(0));
        assertEquals(bits, cidr.map(c -> (int) c.prefixLength()).orElse(0));
    }

    @ParameterizedTest
    @CsvSource({"https://user:pass@example.com:80/path?query=val#fragment,https", "/absolute-path,''",
            "https://[::1]:80/,https", "mailto:someone@example.com,mailto", "HTTPS://example.com,https",
            "https://a:b:c/,-", "../relative-path,-", "'',-", "example.com,-", "://x,-", "https://exa mple.com/,-",
            "https://example.com:8o/,-", "https://example.com/%zz,-", "https://example.com/a\u0001b,-"})
    void urlIsWhatGoParseRequestUriAccepts(String text, String scheme) {
        assertEquals(scheme, KubernetesCelLibrary.parseUrl(text).map(KubernetesCelLibrary.Url::scheme).orElse("-"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"https://example.com/path?k1=a&k2=b&k2=c|{k1=[a], k2=[b, c]}",
            "https://example.com/path?key%20with%20spaces=value+with+spaces|{key with spaces=[value with spaces]}",
            "https://example.com/path?|{}", "https://example.com/path|{}", "https://example.com/?a&&b=|{a=[], b=[]}"})
    void getQueryIsGoQueryInMatrixForm(String text, String query) {
        Map<String, List<String>> q = KubernetesCelLibrary.query(KubernetesCelLibrary.parseUrl(text).orElseThrow().rawQuery());
        assertEquals(query, q.toString());
    }

    @ParameterizedTest
    @CsvSource({"abc 123,[0-9]+,123", "abc 123,xyz,''", "https://x#frag,#(.+)$,#frag", "a@b,@,@"})
    void findReturnsTheFirstMatchOrEmpty(String s, String regex, String match) throws CelEvaluationException {
        assertEquals(match, KubernetesCelLibrary.find(s, regex));
    }

    @org.junit.jupiter.api.Test
    void findRejectsAnIllegalRegex() {
        assertThrows(CelEvaluationException.class, () -> KubernetesCelLibrary.find("a", "("));
    }
}
