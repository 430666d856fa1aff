package dev.shirase.source.rss;

/** {@link JvnSecModuleParser} for MyJVN's {@code http://jvn.jp/rss/mod_sec/3.0/} namespace. */
public class JvnSec30ModuleParser extends JvnSecModuleParser {
    @Override
    public String getNamespaceUri() {
        return JvnSecModule.URI_30;
    }
}
