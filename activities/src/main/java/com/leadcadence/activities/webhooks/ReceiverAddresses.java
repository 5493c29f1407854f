package com.leadcadence.activities.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs we post to: absolute http(s) URLs with a host, no credentials and no fragment. With
 * private addresses refused (production), a host that is or resolves to a loopback, private, link-local,
 * unique-local, multicast or unspecified address is refused too, so a subscription cannot make the
 * service probe its own network.
 */
public final class ReceiverAddresses {
  public static final int MAX_URL_LENGTH = 2000;

  private final boolean allowPrivate;

  public ReceiverAddresses(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the URL is refused, or empty when it is fine. */
  public Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("has no host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials (user:password@): the signature authenticates us");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment (#...)");
    }
    return allowPrivate ? Optional.empty() : privateAddressProblem(uri.getHost());
  }

  private static Optional<String> privateAddressProblem(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("has a host that cannot be resolved");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of("resolves to a private or local address, which webhooks may not reach");
      }
    }
    return Optional.empty();
  }

  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second <= 127); // "this network", carrier-grade NAT
  }
}
