package com.leadcadence.api.adf;

import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.api.representations.VehicleInterest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns an ADF prospect into the request JSON intake takes, so that both go through the same scoring,
 * consent and idempotency. The provider's name is the source; the prospect's id the external id (or,
 * lacking one, a digest of provider, request date and contact, so a resent document is still the same
 * lead). Every problem is collected and named by its XML element (422).
 */
public final class AdfLeadMapper {
  private static final int MAX_SOURCE = 64;
  private static final int MAX_EXTERNAL_ID = 128;
  private static final int MAX_COMMENTS = 4000;

  private AdfLeadMapper() {}

  /** @throws AdfRejection 422 naming every element at fault */
  public static CreateLeadRequest toRequest(AdfDocument document) {
    List<FieldError> errors = new ArrayList<>();
    List<AdfDocument.Prospect> prospects = nonNull(document.prospect());
    if (prospects.size() != 1) {
      throw new AdfRejection(422, AdfElements.PROSPECT, prospects.isEmpty()
          ? "an <adf> document needs a <prospect>"
          : "holds " + prospects.size() + " prospects; send one prospect per document");
    }
    AdfDocument.Prospect prospect = prospects.get(0);
    AdfDocument.Contact contact = prospect.customer() == null ? null : prospect.customer().contact();
    if (contact == null) {
      throw new AdfRejection(422, "prospect/customer/contact", "is required (the customer's name and email or phone)");
    }
    String source = source(prospect);
    PersonName name = PersonName.of(nonNull(contact.name()));
    if (name.first() == null) {
      errors.add(new FieldError(AdfElements.NAME, "a first name is required (part=\"first\" or a full name)"));
    }
    if (name.last() == null) {
      errors.add(new FieldError(AdfElements.NAME, "a last name is required (part=\"last\" or a full name)"));
    }
    String email = email(contact);
    ContactPhones phones = ContactPhones.of(nonNull(contact.phone()));
    AdfDocument.Vehicle wanted = wantedVehicle(prospect);
    VehicleInterest vehicle = wanted == null ? null : vehicle(wanted, errors);
    if (!errors.isEmpty()) {
      throw new AdfRejection(422, errors);
    }
    List<AdfDocument.Vehicle> tradeIns = nonNull(prospect.vehicle()).stream().filter(AdfLeadMapper::isTradeIn).toList();
    AdfDocument.Customer customer = prospect.customer();
    return new CreateLeadRequest(
        source,
        externalId(prospect, source, email, phones.primary(), name),
        name.first(),
        name.last(),
        email,
        phones.primary(),
        null,
        vehicle,
        AdfTimeframes.of(customer.timeframe(), text(prospect.requestdate())),
        tradeIns.isEmpty() ? null : Boolean.TRUE,
        wanted == null ? null : financing(wanted),
        null,
        comments(customer, tradeIns, phones, contact.address()),
        null);
  }

  /** The provider's name as a source ("Cars.com" -> "cars.com", "TrueCar Inc." -> "truecar-inc."). */
  static String source(AdfDocument.Prospect prospect) {
    AdfDocument.Provider provider = prospect.provider();
    String name = provider == null ? null : firstText(nonNull(provider.name()).stream().map(AdfDocument.Name::value));
    if (name == null && provider != null) {
      name = text(provider.service());
    }
    if (name == null) {
      name = firstText(nonNull(prospect.id()).stream().map(AdfDocument.Id::source));
    }
    String slug = name == null ? "" : name.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("^[-.]+|-+$", "");
    if (slug.length() > MAX_SOURCE) {
      slug = slug.substring(0, MAX_SOURCE);
    }
    return slug.isEmpty() ? "adf" : slug;
  }

  private static String externalId(AdfDocument.Prospect prospect, String source, String email, String phone,
      PersonName name) {
    String id = firstText(nonNull(prospect.id()).stream().map(AdfDocument.Id::value));
    if (id != null && id.length() <= MAX_EXTERNAL_ID) {
      return id;
    }
    // No id (or an unusable one): the same provider, request date and contact make the same lead.
    String basis = String.join("|", source, Objects.toString(id, ""), Objects.toString(text(prospect.requestdate()), ""),
        Objects.toString(email, "").toLowerCase(Locale.ROOT), Objects.toString(phone, "").replaceAll("\\D", ""),
        Objects.toString(name.first(), "").toLowerCase(Locale.ROOT),
        Objects.toString(name.last(), "").toLowerCase(Locale.ROOT));
    return "adf-" + sha256(basis).substring(0, 40);
  }

  private static String email(AdfDocument.Contact contact) {
    List<AdfDocument.Email> emails = nonNull(contact.email()).stream().filter(e -> text(e.value()) != null).toList();
    return emails.stream().filter(e -> "1".equals(text(e.preferredcontact()))).findFirst()
        .or(() -> emails.stream().findFirst())
        .map(e -> text(e.value()))
        .orElse(null);
  }

  /** The vehicle the customer wants: the first one not offered as a trade-in. */
  private static AdfDocument.Vehicle wantedVehicle(AdfDocument.Prospect prospect) {
    return nonNull(prospect.vehicle()).stream().filter(Predicate.not(AdfLeadMapper::isTradeIn)).findFirst().orElse(null);
  }

  private static boolean isTradeIn(AdfDocument.Vehicle vehicle) {
    String interest = lower(vehicle.interest());
    return "trade-in".equals(interest) || "tradein".equals(interest) || "sell".equals(interest);
  }

  private static VehicleInterest vehicle(AdfDocument.Vehicle vehicle, List<FieldError> errors) {
    Integer year = null;
    String yearText = text(vehicle.year());
    if (yearText != null) {
      try {
        year = Integer.valueOf(yearText);
      } catch (NumberFormatException e) {
        errors.add(new FieldError(AdfElements.YEAR, "is not a model year: " + abbreviate(yearText)));
      }
    }
    String vin = text(vehicle.vin());
    return new VehicleInterest(year, text(vehicle.make()), text(vehicle.model()), text(vehicle.trim()),
        vin == null ? null : vin.replace(" ", ""), text(vehicle.stock()));
  }

  /** finance or lease: yes; cash: no; not said: not stated. A lease interest counts as financing. */
  private static Boolean financing(AdfDocument.Vehicle vehicle) {
    String method = vehicle.finance() == null ? null : lower(vehicle.finance().method());
    if ("finance".equals(method) || "lease".equals(method) || "lease".equals(lower(vehicle.interest()))) {
      return Boolean.TRUE;
    }
    return "cash".equals(method) ? Boolean.FALSE : null;
  }

  /** The customer's words, then what an agent wants at hand: trade-ins, other phones, where they live. */
  private static String comments(AdfDocument.Customer customer, List<AdfDocument.Vehicle> tradeIns,
      ContactPhones phones, AdfDocument.Address address) {
    List<String> lines = new ArrayList<>();
    Optional.ofNullable(text(customer.comments())).ifPresent(lines::add);
    for (AdfDocument.Vehicle tradeIn : tradeIns) {
      String described = Stream.of(text(tradeIn.year()), text(tradeIn.make()), text(tradeIn.model()), text(tradeIn.trim()))
          .filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse("a vehicle");
      String miles = tradeIn.odometer() == null ? null : text(tradeIn.odometer().value());
      lines.add("Trade-in: " + described + (miles == null ? ""
          : ", " + miles + " " + Objects.requireNonNullElse(text(tradeIn.odometer().units()), "mi")));
    }
    if (!phones.others().isEmpty()) {
      lines.add("Other phones: " + String.join(", ", phones.others()));
    }
    if (address != null) {
      String place = Stream.of(text(address.city()), text(address.regioncode()), text(address.postalcode()))
          .filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse(null);
      if (place != null) {
        lines.add("Lives in: " + place);
      }
    }
    String joined = String.join("\n", lines);
    return joined.isEmpty() ? null : joined.length() > MAX_COMMENTS ? joined.substring(0, MAX_COMMENTS) : joined;
  }

  /** A name from its parts, or split from a full name ("Jane Q. Doe", "Doe, Jane"). */
  record PersonName(String first, String last) {
    static PersonName of(List<AdfDocument.Name> names) {
      String first = part(names, "first");
      String last = part(names, "last");
      String full = firstText(names.stream()
          .filter(n -> n.part() == null || "full".equals(lower(n.part())))
          .map(AdfDocument.Name::value));
      if ((first == null || last == null) && full != null) {
        PersonName split = split(full);
        first = first != null ? first : split.first();
        last = last != null ? last : split.last();
      }
      return new PersonName(first, last);
    }

    private static PersonName split(String full) {
      String normal = full.replaceAll("\\s+", " ").strip();
      int comma = normal.indexOf(',');
      if (comma > 0) {
        return new PersonName(blankToNull(normal.substring(comma + 1)), blankToNull(normal.substring(0, comma)));
      }
      int space = normal.lastIndexOf(' ');
      return space < 0 ? new PersonName(normal, null)
          : new PersonName(normal.substring(0, space), normal.substring(space + 1));
    }

    private static String part(List<AdfDocument.Name> names, String part) {
      return firstText(names.stream().filter(n -> part.equals(lower(n.part()))).map(AdfDocument.Name::value));
    }
  }

  /**
   * The number to follow up on: a preferred one, else a mobile (it can take texts), else any voice
   * line; fax and pager numbers never. The others are kept for the agent.
   */
  record ContactPhones(String primary, List<String> others) {
    static ContactPhones of(List<AdfDocument.Phone> phones) {
      List<AdfDocument.Phone> usable = phones.stream()
          .filter(p -> text(p.value()) != null)
          .filter(p -> !"fax".equals(lower(p.type())) && !"pager".equals(lower(p.type())))
          .toList();
      Optional<AdfDocument.Phone> primary = usable.stream().filter(p -> "1".equals(text(p.preferredcontact()))).findFirst()
          .or(() -> usable.stream().filter(p -> isMobile(p.type())).findFirst())
          .or(() -> usable.stream().findFirst());
      List<String> others = usable.stream().filter(p -> primary.map(chosen -> chosen != p).orElse(true))
          .map(p -> text(p.value()) + (text(p.type()) == null ? "" : " (" + lower(p.type()) + ")"))
          .toList();
      return new ContactPhones(primary.map(p -> text(p.value())).orElse(null), others);
    }

    private static boolean isMobile(String type) {
      String t = lower(type);
      return "cellphone".equals(t) || "cell".equals(t) || "mobile".equals(t);
    }
  }

  static String text(String value) {
    if (value == null) {
      return null;
    }
    String collapsed = value.replace('\u00a0', ' ').strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  private static String lower(String value) {
    String t = text(value);
    return t == null ? null : t.toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return text(value);
  }

  private static String firstText(Stream<String> values) {
    return values.map(AdfLeadMapper::text).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
