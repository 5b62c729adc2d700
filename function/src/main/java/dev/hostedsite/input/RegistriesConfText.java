package dev.hostedsite.input;

import java.util.regex.Pattern;

/**
 * Reads a verbatim {@code hub.registriesConf} (containers-registries.conf(5), TOML) only as far as the warning of
 * {@link HubListRules} needs: whether some {@code [[registry]]} has {@code location = "<source>"}.
 */
final class RegistriesConfText {
    private RegistriesConfText() {}

    /** True when {@code text} has a line {@code location = "<source>"} (spaces around {@code =} free, quotes " or '). */
    static boolean locates(String text, String source) {
        Pattern p = Pattern.compile("^\\s*location\\s*=\\s*([\"'])" + Pattern.quote(source) + "\\1\\s*(#.*)?$",
                Pattern.MULTILINE);
        return p.matcher(text).find();
    }
}
