import { describe, expect, it } from "vitest";
import { isX500Address, toEmail, toNameKey, toProfileSlug } from "../../src/core/identity.js";
import { defaultDatabasePath } from "../../src/store/location.js";

describe("toProfileSlug", () => {
  it.each([
    ["https://www.linkedin.com/in/juergen-weiss-123/", "juergen-weiss-123"],
    ["https://de.linkedin.com/in/Juergen-Weiss-123?trk=public_profile", "juergen-weiss-123"],
    ["http://linkedin.com/in/anna#about", "anna"],
    ["linkedin.com/in/ANNA", "anna"],
    ["https://www.linkedin.com/in/D%C3%B6rte-Schr%C3%B6der", "dörte-schröder"],
    ["https://www.linkedin.com/in/dörte-schröder/", "dörte-schröder"],
    ["https://www.linkedin.com/in/100%-sure", "100%-sure"],
  ])("%s → %s", (url, slug) => {
    expect(toProfileSlug(url)).toBe(slug);
  });

  it.each([
    [""],
    [null],
    ["https://www.linkedin.com/company/acme"],
    ["https://www.example.com/in/anna"],
    ["mailto:anna@example.de"],
  ])("%s is no member URL", (url) => {
    expect(toProfileSlug(url)).toBeNull();
  });
});

describe("toEmail", () => {
  it.each([
    ["  Juergen.Weiss@Example.DE ", "juergen.weiss@example.de"],
    ["mailto:Anna@example.pl", "anna@example.pl"],
    ["Jürgen Weiß <jw@example.de>", "jw@example.de"],
  ])("%s → %s", (value, email) => {
    expect(toEmail(value)).toBe(email);
  });

  it.each([
    [""],
    ["+49 171 2345678"],
    ["* Work"],
    ["/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc"],
    ["anna@localhost"],
    ["two@example.de three@example.de"],
  ])("%s is no address", (value) => {
    expect(toEmail(value)).toBeNull();
  });

  it("recognises Exchange X.500 names", () => {
    expect(isX500Address("/o=ExchangeLabs/ou=x/cn=y")).toBe(true);
    expect(isX500Address("anna@example.de")).toBe(false);
  });
});

describe("toNameKey", () => {
  it("lets German transliterations meet", () => {
    expect(toNameKey("Jürgen Weiß")).toBe(toNameKey("Juergen Weiss"));
    expect(toNameKey("JÜRGEN", "WEISS")).toBe("juergen weiss");
    expect(toNameKey("Dörte Schröder")).toBe("doerte schroeder");
    expect(toNameKey("Käthe")).toBe("kaethe");
  });

  it("is NFC and case-insensitive: composed and decomposed umlauts meet", () => {
    expect(toNameKey("Mu\u0308ller")).toBe(toNameKey("MÜLLER"));
  });

  it("drops other diacritics", () => {
    expect(toNameKey("José Muñoz Peña")).toBe("jose munoz pena");
    expect(toNameKey("Tomáš Dvořák")).toBe("tomas dvorak");
    expect(toNameKey("Małgorzata Łęcka")).toBe("malgorzata lecka");
    expect(toNameKey("Zoë Lefèvre")).toBe("zoe lefevre");
    expect(toNameKey("Noël Kœnig")).toBe("noel koenig");
  });

  it("treats hyphens, punctuation and spacing alike", () => {
    expect(toNameKey("Hans-Peter  Groß")).toBe(toNameKey("hans peter gross"));
    expect(toNameKey("Dr. Ines Köhler")).toBe("dr ines koehler");
  });

  it("is null without letters", () => {
    expect(toNameKey("", "  ", null)).toBeNull();
    expect(toNameKey("—")).toBeNull();
  });
});

describe("defaultDatabasePath", () => {
  it("follows each platform's convention for user data", () => {
    expect(defaultDatabasePath({}, "linux", "/home/anna")).toBe(
      "/home/anna/.local/share/invites/invites.db",
    );
    expect(defaultDatabasePath({ XDG_DATA_HOME: "/data" }, "linux", "/home/anna")).toBe(
      "/data/invites/invites.db",
    );
    expect(defaultDatabasePath({}, "darwin", "/Users/anna")).toBe(
      "/Users/anna/Library/Application Support/invites/invites.db",
    );
    expect(
      defaultDatabasePath({ APPDATA: "C:/Users/anna/AppData/Roaming" }, "win32", "C:/Users/anna"),
    ).toMatch(/AppData[\\/]Roaming[\\/]invites[\\/]invites\.db$/);
  });
});
