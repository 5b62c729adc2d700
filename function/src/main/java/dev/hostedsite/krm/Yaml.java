package dev.hostedsite.krm;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place YAML is read and written. Output style matches kpt's own (see design/krm-notes.md):
 * minimal quotes, numbers-as-strings quoted, arrays indented, no document start marker, LF endings.
 */
public final class Yaml {
    /**
     * Parser limits, documented in docs/security.md. Aliases ({@code *name}) are refused outright: Jackson's YAML
     * parser does not expand them (it would silently read an alias as the anchor's name), so no alias can be
     * read correctly, and refusing them also rules out alias bombs ("billion laughs").
     */
    public static final int MAX_DOCUMENT_CODE_POINTS = 8 * 1024 * 1024;
    /** Longer than any value the API server stores (an object is at most ~1.5 MiB in etcd). */
    public static final int MAX_STRING_LENGTH = 2 * 1024 * 1024;
    public static final int MAX_ALIASES = 0;
    public static final int MAX_NESTING_DEPTH = 64;

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final YAMLMapper READER = reader();
    private static final YAMLMapper WRITER = writer();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    private static YAMLMapper reader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH).build())
                .build();
        YAMLMapper mapper = new YAMLMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    private static YAMLMapper writer() {
        YAMLFactory factory = YAMLFactory.builder()
                .stringQuotingChecker(new Yaml11SafeQuoting())
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        YAMLMapper mapper = new YAMLMapper(factory);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return mapper;
    }

    /** Parses every document of a YAML (or JSON) stream. Empty documents are skipped. */
    public static List<JsonNode> readAll(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = READER.readerFor(JsonNode.class).readValues(new NoAliases(
                (YAMLParser) READER.getFactory().createParser(text)))) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                boolean empty = doc == null || doc.isNull() || doc.isMissingNode() || doc.isTextual() && doc.asText().isEmpty();
                if (!empty) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** Thrown for input beyond a parser limit; the message names the limit and what to do. */
    public static final class LimitExceeded extends JsonParseException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(JsonParser p, String message) {
            super(p, message);
        }
    }

    /**
     * Fails on the first alias, with its position, instead of reading it as the anchor's name; and on the first
     * value longer than {@link #MAX_STRING_LENGTH} (Jackson's YAML parser does not apply that constraint itself).
     */
    private static final class NoAliases extends JsonParserDelegate {
        private final YAMLParser yaml;

        NoAliases(YAMLParser yaml) {
            super(yaml);
            this.yaml = yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = super.nextToken();
            if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) && yaml.getTextLength() > MAX_STRING_LENGTH) {
                throw new LimitExceeded(yaml, "String value length " + yaml.getTextLength() + " exceeds the limit");
            }
            if (yaml.isCurrentAlias()) {
                throw new LimitExceeded(yaml, "the input uses a YAML alias (*" + yaml.getText() + "); aliases are not"
                        + " supported (this also rules out alias bombs). Write the value out in full.");
            }
            return t;
        }
    }

    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Jackson's default quoting plus what YAML 1.1 readers (kubectl, Argo CD, PyYAML) would misread:
     * y/n/yes/no/on/off in any case, and sexagesimal-looking scalars such as the MAC 52:54:00:10:00:00.
     */
    static final class Yaml11SafeQuoting extends StringQuotingChecker.Default {
        private static final Pattern YAML11_BOOL =
                Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null|~");
        private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(:[0-9_]+)+(\\.[0-9_]*)?");
        private static final Pattern NUMBERISH = Pattern.compile("[-+]?(\\.?[0-9]|0x|0o|\\.inf|\\.nan).*", Pattern.CASE_INSENSITIVE);

        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || risky(value);
        }

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || risky(name);
        }

        private static boolean risky(String s) {
            return YAML11_BOOL.matcher(s).matches()
                    || SEXAGESIMAL.matcher(s).matches()
                    || NUMBERISH.matcher(s).matches() && looksNumeric(s);
        }

        private static boolean looksNumeric(String s) {
            try {
                Double.parseDouble(s.replace("_", ""));
                return true;
            } catch (NumberFormatException e) {
                return s.startsWith("0x") || s.startsWith("0o");
            }
        }
    }
}
