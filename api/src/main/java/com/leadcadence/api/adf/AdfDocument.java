package com.leadcadence.api.adf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/**
 * An ADF 1.0 document ({@code <adf>}) as Jackson's XML module reads it: only the elements intake uses;
 * every other element and attribute (vendor, vehicle status, price, colours...) is ignored. Values stay strings here (the mapper checks them and
 * names the element at fault); element names match case-insensitively. Repeatable elements are lists.
 */
public record AdfDocument(@JacksonXmlElementWrapper(useWrapping = false) List<Prospect> prospect) {

  /** One lead request. */
  public record Prospect(
      @JacksonXmlElementWrapper(useWrapping = false) List<Id> id,
      String requestdate,
      @JacksonXmlElementWrapper(useWrapping = false) List<Vehicle> vehicle,
      Customer customer,
      Provider provider) {}

  /** {@code <id sequence="1" source="Cars.com">12345</id>}: an identifier given by its source. */
  public record Id(
      @JacksonXmlProperty(isAttribute = true) String source,
      String value) {
    /** The element written without attributes: its text alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Id ofText(String value) {
      return new Id(null, value);
    }
  }

  /** A vehicle: interest {@code buy}, {@code lease}, {@code sell}, {@code trade-in} or {@code test-drive}. */
  public record Vehicle(
      @JacksonXmlProperty(isAttribute = true) String interest,
      String year,
      String make,
      String model,
      String trim,
      String vin,
      String stock,
      Odometer odometer,
      Finance finance) {}

  /** {@code <odometer status="original" units="mi">41000</odometer>} */
  public record Odometer(
      @JacksonXmlProperty(isAttribute = true) String units,
      String value) {
    /** The element written without attributes: its text alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Odometer ofText(String value) {
      return new Odometer(null, value);
    }
  }

  /** {@code <finance><method>finance</method></finance>}: cash, finance or lease. */
  public record Finance(String method) {}

  public record Customer(Contact contact, Timeframe timeframe, String comments) {}

  /** A person: name parts or a full name, e-mails, phones of several types, an address. */
  public record Contact(
      @JacksonXmlElementWrapper(useWrapping = false) List<Name> name,
      @JacksonXmlElementWrapper(useWrapping = false) List<Email> email,
      @JacksonXmlElementWrapper(useWrapping = false) List<Phone> phone,
      Address address) {}

  /** {@code <name part="first">Jane</name>}; part is first, middle, suffix, last or full. */
  public record Name(
      @JacksonXmlProperty(isAttribute = true) String part,
      String value) {
    /** The element written without attributes: its text alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Name ofText(String value) {
      return new Name(null, value);
    }
  }

  public record Email(
      @JacksonXmlProperty(isAttribute = true) String preferredcontact,
      String value) {
    /** The element written without attributes: its text alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Email ofText(String value) {
      return new Email(null, value);
    }
  }

  /** {@code <phone type="cellphone" preferredcontact="1">}; type is voice, fax, cellphone or pager. */
  public record Phone(
      @JacksonXmlProperty(isAttribute = true) String type,
      @JacksonXmlProperty(isAttribute = true) String preferredcontact,
      String value) {
    /** The element written without attributes: its text alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Phone ofText(String value) {
      return new Phone(null, null, value);
    }
  }

  public record Address(String city, String regioncode, String postalcode) {}

  /** When the customer means to buy: free text and/or a date range. */
  public record Timeframe(String description, String earliestdate, String latestdate) {}

  /** Who sent the lead (the lead provider); its name becomes the lead's source. */
  public record Provider(
      @JacksonXmlElementWrapper(useWrapping = false) List<Name> name,
      String service) {}
}
