package dev.hostedsite.input;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key of a ConfigMap's or Secret's data, as the API server admits it. Upstream: kubernetes/kubernetes
 * {@code staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go} {@code IsConfigMapKey} (used by
 * {@code ValidateSecret} and {@code ValidateConfigMap} in {@code pkg/apis/core/validation/validation.go}):
 * {@code [-._a-zA-Z0-9]+}, at most 253 characters, not {@code .} or {@code ..}, not starting with {@code ..}.
 */
final class ConfigKeyRules {
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private ConfigKeyRules() {}

    /** What is wrong with {@code key} as a data key, or empty. */
    static Optional<String> problem(String key) {
        if (key.length() > 253) {
            return Optional.of("a data key holds at most 253 characters");
        }
        if (!KEY.matcher(key).matches()) {
            return Optional.of("a data key holds only letters, digits, '-', '_' and '.'");
        }
        if (key.equals(".") || key.equals("..") || key.startsWith("..")) {
            return Optional.of("a data key may not be '.' or '..' nor start with '..' (it would escape the volume"
                    + " directory)");
        }
        return Optional.empty();
    }
}
