package dev.shirase.inventory.match;

import java.util.Map;
import java.util.Optional;

/**
 * Japanese spellings of vendors that JVN writes in katakana ({@code vendor="クアルコム"}, マイクロソフトセキュリティ
 * 更新プログラム), mapped to the English token their CPEs and our inventories use. Small on purpose: only vendors
 * whose katakana name is common in JVN / JPCERT texts.
 */
final class VendorNames {

    private static final Map<String, String> KATAKANA = Map.ofEntries(
            Map.entry("マイクロソフト", "microsoft"), Map.entry("グーグル", "google"), Map.entry("アドビ", "adobe"),
            Map.entry("オラクル", "oracle"), Map.entry("シスコ", "cisco"), Map.entry("クアルコム", "qualcomm"),
            Map.entry("サイボウズ", "cybozu"), Map.entry("アップル", "apple"), Map.entry("フォーティネット", "fortinet"),
            Map.entry("ヴイエムウェア", "vmware"), Map.entry("ブロードコム", "broadcom"), Map.entry("インテル", "intel"),
            Map.entry("モジラ", "mozilla"), Map.entry("シーメンス", "siemens"), Map.entry("トレンドマイクロ", "trendmicro"),
            Map.entry("ジュニパー", "juniper"), Map.entry("パロアルトネットワークス", "paloaltonetworks"),
            Map.entry("アイバンティ", "ivanti"), Map.entry("シトリックス", "citrix"), Map.entry("レッドハット", "redhat"));

    private VendorNames() {
    }

    /** The English token for a katakana vendor name, if known. */
    static Optional<String> english(String normalizedVendor) {
        return Optional.ofNullable(KATAKANA.get(normalizedVendor.replace(" ", "").replace("株式会社", "")));
    }

    /** The katakana spelling for an English vendor token, if known. */
    static Optional<String> katakana(String englishToken) {
        return KATAKANA.entrySet().stream().filter(e -> e.getValue().equals(englishToken)).map(Map.Entry::getKey)
                .findFirst();
    }
}
