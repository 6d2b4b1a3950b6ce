package org.ffiscript.js;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.type.DeclaredHeader;

/** What a declared header gives a script, as plain values that become one plain JS object. */
final class HeaderReports {
    private HeaderReports() {}

    /** The report of {@code header}, with {@code functions} as given (names, or names to functions) and {@code skipped}. */
    static Map<String, Object> of(DeclaredHeader header, Object functions, List<DeclaredHeader.Skipped> skipped) {
        var report = new LinkedHashMap<String, Object>();
        report.put("types", namesToThemselves(header.types().keySet()));
        report.put("constants", new LinkedHashMap<>(header.constants()));
        report.put("functions", functions);
        report.put("globals", namesToThemselves(header.globals().keySet()));
        report.put(
                "skipped",
                skipped.stream()
                        .map(item -> {
                            var entry = new LinkedHashMap<String, Object>();
                            entry.put("file", item.file());
                            entry.put("line", item.line());
                            entry.put("construct", item.construct());
                            entry.put("reason", item.reason());
                            return entry;
                        })
                        .toList());
        return report;
    }

    private static Map<String, Object> namesToThemselves(Iterable<String> names) {
        var map = new LinkedHashMap<String, Object>();
        names.forEach(name -> map.put(name, name));
        return map;
    }
}
