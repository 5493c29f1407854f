package com.leadcadence.api.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The repository's table of North American area codes and their time zones
 * ({@code nanp-area-codes.csv} beside this class): one zone per code, or the zones of a code whose area
 * spans several. Read once; a malformed row (bad code, unknown zone, duplicate) fails the load.
 */
public final class NanpAreaCodes {
  static final String RESOURCE = "nanp-area-codes.csv";
  private static final Pattern CODE = Pattern.compile("[2-9][0-9]{2}");
  private static final NanpAreaCodes TABLE = load();

  /** One row: the code's region and its zones, first the one that anchors local days. */
  public record AreaCode(String code, String region, List<ZoneId> zones) {
    public boolean spansZones() {
      return zones.size() > 1;
    }
  }

  private final Map<String, AreaCode> byCode;

  private NanpAreaCodes(Map<String, AreaCode> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  public static NanpAreaCodes table() {
    return TABLE;
  }

  public Optional<AreaCode> find(String areaCode) {
    return Optional.ofNullable(byCode.get(areaCode));
  }

  public List<AreaCode> all() {
    return byCode.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  private static NanpAreaCodes load() {
    Map<String, AreaCode> rows = new LinkedHashMap<>();
    try (InputStream in = NanpAreaCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        AreaCode row = parse(line, number);
        if (rows.putIfAbsent(row.code(), row) != null) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": area code " + row.code() + " twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NanpAreaCodes(rows);
  }

  private static AreaCode parse(String line, int number) {
    String[] fields = line.split(",", -1);
    if (fields.length != 3 || !CODE.matcher(fields[0].strip()).matches()) {
      throw new IllegalStateException(RESOURCE + " line " + number + ": expected area_code,region,zones");
    }
    List<ZoneId> zones = Arrays.stream(fields[2].split("\\|")).map(String::strip).map(ZoneId::of).toList();
    return new AreaCode(fields[0].strip(), fields[1].strip(), zones);
  }
}
