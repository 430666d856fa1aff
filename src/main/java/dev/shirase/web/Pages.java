package dev.shirase.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every page shares: the language (from {@code ?lang=}), the identified user, the texts, the navigation links
 * (all keeping the language), and the rendering itself.
 */
final class Pages {

    static final String USER = "shirase.user";

    private final PageRenderer renderer;
    private final Messages messages;
    private final java.util.Locale defaultLocale;

    Pages(PageRenderer renderer, Messages messages, java.util.Locale defaultLocale) {
        this.renderer = renderer;
        this.messages = messages;
        this.defaultLocale = defaultLocale;
    }

    Lang lang(Context ctx) {
        return Lang.of(ctx.queryParam("lang"), defaultLocale);
    }

    static Optional<String> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    Messages messages() {
        return messages;
    }

    /** A link to {@code path} (which may already have a query) in the request's language. */
    static String link(String path, Lang lang) {
        if (lang != Lang.EN) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "lang=en";
    }

    /** The model every page starts from. {@code self} is the current page's URL in the current language. */
    Map<String, Object> base(Context ctx, String page, String selfPath) {
        Lang lang = lang(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", messages.all(lang));
        m.put("lang", lang.code());
        m.put("page", page);
        m.put("user", user(ctx).orElse(""));
        Map<String, String> nav = new LinkedHashMap<>();
        nav.put("search", link("/", lang));
        nav.put("digests", link("/digests", lang));
        nav.put("sources", link("/sources", lang));
        nav.put("inventory", link("/inventory", lang));
        m.put("nav", nav);
        // The other language's version of this very page.
        String other = lang == Lang.EN ? "ja" : "en";
        m.put("otherLangUrl", selfPath + (selfPath.contains("?") ? "&" : "?") + "lang=" + other);
        m.put("otherLangLabel", lang == Lang.EN ? "日本語" : "English");
        return m;
    }

    void render(Context ctx, int status, String template, Map<String, Object> model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(renderer.render(template, model));
    }

    /** A page that says what went wrong, in the request's language. */
    void error(Context ctx, int status, String messageKey) {
        Map<String, Object> m = base(ctx, "error", ctx.path());
        m.put("status", status);
        m.put("message", messages.get(lang(ctx), messageKey));
        render(ctx, status, "error", m);
    }
}
