package dev.shirase.inventory.load;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.InventoryLoad;
import dev.shirase.inventory.InventoryProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an inventory CSV as Japanese offices export it from Excel: UTF-8 with or without BOM, or Shift_JIS
 * (CP932, detected when the bytes are not valid UTF-8); English or Japanese headers (名称, ベンダ, 製品, バージョン,
 * CPE, 別名, 担当, 公開範囲, 台数); quoted cells with commas and line breaks. A bad row is reported with its line
 * number and the other rows still load.
 */
public final class InventoryCsvLoader {

    static final Charset CP932 = Charset.forName("windows-31j");
    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("id", "id", "識別子", "資産id", "資産番号");
        alias("name", "name", "名称", "名前", "資産名", "機器名");
        alias("vendor", "vendor", "ベンダ", "ベンダー", "ベンダ名", "ベンダー名", "メーカー", "メーカ", "製造元");
        alias("product", "product", "製品", "製品名", "ソフトウェア", "ソフトウェア名");
        alias("version", "version", "バージョン", "版", "ver", "ver.");
        alias("cpe", "cpe");
        alias("aliases", "aliases", "alias", "別名", "通称");
        alias("owner", "owner", "担当", "担当者", "管理者", "担当部署");
        alias("exposure", "exposure", "公開範囲", "公開", "露出");
        alias("count", "count", "台数", "数量", "数");
    }

    private static void alias(String key, String... names) {
        for (String n : names) {
            HEADERS.put(n, key);
        }
    }

    private InventoryCsvLoader() {
    }

    public static InventoryLoad load(Path file) {
        try {
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            return new InventoryLoad(List.of(), List.of(new InventoryProblem(file.toString(), 0, "",
                    "cannot read: " + e.getMessage())));
        }
    }

    /** Decodes and reads CSV bytes; {@code fileName} only labels problems. */
    public static InventoryLoad read(String fileName, byte[] bytes) {
        List<InventoryProblem> problems = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        List<CsvRecords.Row> rows = CsvRecords.parse(decode(bytes));
        int headerIndex = 0;
        while (headerIndex < rows.size() && rows.get(headerIndex).blank()) {
            headerIndex++;
        }
        if (headerIndex >= rows.size()) {
            return new InventoryLoad(List.of(), List.of(new InventoryProblem(fileName, 1, "", "no header row")));
        }
        CsvRecords.Row header = rows.get(headerIndex);
        String[] keys = new String[header.cells().size()];
        for (int i = 0; i < keys.length; i++) {
            String h = Normalizer.normalize(header.cells().get(i), Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
            keys[i] = HEADERS.get(h);
            if (keys[i] == null && !h.isEmpty()) {
                problems.add(new InventoryProblem(fileName, header.line(), header.cells().get(i),
                        "unknown column (ignored)"));
            }
        }
        Set<String> present = new HashSet<>(java.util.Arrays.asList(keys));
        if (!present.contains("name") && !present.contains("product")) {
            problems.add(new InventoryProblem(fileName, header.line(), "名称",
                    "header needs a name (名称) or product (製品) column"));
            return new InventoryLoad(List.of(), problems);
        }
        Set<String> ids = new HashSet<>();
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            CsvRecords.Row row = rows.get(r);
            if (row.blank()) {
                continue;
            }
            AssetFields f = new AssetFields(fileName, row.line());
            for (int i = 0; i < keys.length && i < row.cells().size(); i++) {
                if (keys[i] == null) {
                    continue;
                }
                String cell = row.cells().get(i);
                if (keys[i].equals("aliases")) {
                    for (String a : cell.split("[;；、|｜,，\\n]")) {
                        f.alias(a, row.line());
                    }
                } else {
                    f.put(keys[i], cell, row.line());
                }
            }
            if (row.cells().size() > keys.length && row.cells().subList(keys.length, row.cells().size()).stream()
                    .anyMatch(c -> !c.isBlank())) {
                problems.add(new InventoryProblem(fileName, row.line(), "", "more cells than header columns"));
                continue;
            }
            f.build(ids, problems).ifPresent(assets::add);
        }
        return new InventoryLoad(assets, problems);
    }

    /** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else CP932 (Excel's "CSV" on Japanese Windows). */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, CP932);
        }
    }
}
