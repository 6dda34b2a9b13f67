//! Unit tests of the address standardization.

use super::*;

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn us<'a>(delivery: &'a [String]) -> AddressInput<'a> {
    AddressInput {
        name: "Dana Whitfield",
        organization: None,
        lines: delivery,
        city: "Seattle",
        region: "WA",
        postal_code: "98101",
        country: "",
    }
}

fn delivery_line(v: &[&str]) -> String {
    let l = lines(v);
    let out = standardize(&us(&l)).unwrap();
    assert_eq!(out.len(), 3, "{out:?}");
    out[1].clone()
}

#[test]
fn suite_on_its_own_line_joins_the_street_line() {
    let l = lines(&["1200 Harbor Boulevard", "Suite 400"]);
    let a = AddressInput {
        organization: Some("Northwind Trading Co."),
        postal_code: "98101-2345",
        ..us(&l)
    };
    assert_eq!(
        standardize(&a).unwrap(),
        [
            "DANA WHITFIELD",
            "NORTHWIND TRADING CO",
            "1200 HARBOR BLVD STE 400",
            "SEATTLE WA  98101-2345"
        ]
    );
}

#[test]
fn suite_before_the_street_moves_to_the_end() {
    assert_eq!(
        delivery_line(&["Suite 400", "1200 Harbor Blvd."]),
        "1200 HARBOR BLVD STE 400"
    );
    assert_eq!(
        delivery_line(&["Ste. 400, 1200 Harbor Blvd"]),
        "1200 HARBOR BLVD STE 400"
    );
    assert_eq!(
        delivery_line(&["1200 Harbor Blvd.,Suite 400"]),
        "1200 HARBOR BLVD STE 400"
    );
}

#[test]
fn po_box() {
    assert_eq!(delivery_line(&["P.O. Box 123"]), "PO BOX 123");
    assert_eq!(delivery_line(&["Post Office Box 123"]), "PO BOX 123");
    assert_eq!(delivery_line(&["po box #123"]), "PO BOX 123");
}

#[test]
fn apartment_with_pound_sign() {
    assert_eq!(
        delivery_line(&["42 West Elm Street, Apt #5B"]),
        "42 W ELM ST APT 5B"
    );
    assert_eq!(
        delivery_line(&["42 Elm St", "Apartment 5"]),
        "42 ELM ST APT 5"
    );
    // Designator unknown: the pound sign stays, spaced as Pub 28 prints it.
    assert_eq!(
        delivery_line(&["425 Flower Blvd #72"]),
        "425 FLOWER BLVD # 72"
    );
    assert_eq!(
        delivery_line(&["#72 425 Flower Blvd"]),
        "425 FLOWER BLVD # 72"
    );
}

#[test]
fn other_designators_and_directionals() {
    assert_eq!(
        delivery_line(&["100 North Main Street West", "Floor 3"]),
        "100 N MAIN ST W FL 3"
    );
    assert_eq!(
        delivery_line(&["1 Commerce Pkwy", "Building C", "Room 12"]),
        "1 COMMERCE PKWY BLDG C RM 12"
    );
    assert_eq!(
        delivery_line(&["300 Southeast Lake Road Basement"]),
        "300 SE LAKE RD BSMT"
    );
    assert_eq!(
        delivery_line(&["300 Lake Drive", "Rear"]),
        "300 LAKE DR REAR"
    );
    assert_eq!(
        delivery_line(&["9 Ocean Ave Department 7"]),
        "9 OCEAN AVE DEPT 7"
    );
}

#[test]
fn street_names_that_look_like_suffixes_stay() {
    assert_eq!(delivery_line(&["100 Court Street"]), "100 COURT ST");
    assert_eq!(delivery_line(&["100 North Street"]), "100 NORTH ST");
    assert_eq!(delivery_line(&["100 Front Street"]), "100 FRONT ST");
    assert_eq!(
        delivery_line(&["500 Avenue of the Americas"]),
        "500 AVENUE OF THE AMERICAS"
    );
    assert_eq!(delivery_line(&["100 Avenue N"]), "100 AVENUE N");
    assert_eq!(delivery_line(&["One Microsoft Way"]), "ONE MICROSOFT WAY");
}

#[test]
fn punctuation_numbers_and_fractions() {
    assert_eq!(delivery_line(&["123 1/2 Main St."]), "123 1/2 MAIN ST");
    assert_eq!(delivery_line(&["123-45 Queens Blvd"]), "123-45 QUEENS BLVD");
    assert_eq!(
        delivery_line(&["(12) O'Brien's Lane; rear!"]),
        "12 OBRIENS LN REAR"
    );
    assert_eq!(delivery_line(&["Rural Route 2, Box 40"]), "RR 2 BOX 40");
}

#[test]
fn long_unit_goes_on_the_line_above() {
    let l = lines(&["12345 Northwest Evergreen Mountain Parkway", "Suite 1400"]);
    let out = standardize(&us(&l)).unwrap();
    assert_eq!(out[1], "STE 1400");
    assert_eq!(out[2], "12345 NW EVERGREEN MOUNTAIN PKWY");
}

#[test]
fn military_apo_ae() {
    let l = lines(&["Unit 2050 Box 4190"]);
    let a = AddressInput {
        name: "SGT Pat Rivera",
        city: "apo",
        region: "ae",
        postal_code: "09096",
        ..us(&l)
    };
    assert_eq!(
        standardize(&a).unwrap(),
        ["SGT PAT RIVERA", "UNIT 2050 BOX 4190", "APO AE  09096"]
    );
    let l = lines(&["PSC 1234, Box 5678"]);
    let a = AddressInput {
        city: "FPO",
        region: "AP",
        postal_code: "96349",
        ..us(&l)
    };
    assert_eq!(standardize(&a).unwrap()[1], "PSC 1234 BOX 5678");
}

#[test]
fn zip_plus_four() {
    let l = lines(&["1200 Harbor Blvd"]);
    for zip in ["98101-2345", "981012345", " 98101 - 2345 ", "98101–2345"] {
        let a = AddressInput {
            postal_code: zip,
            ..us(&l)
        };
        assert_eq!(
            standardize(&a).unwrap()[2],
            "SEATTLE WA  98101-2345",
            "{zip}"
        );
    }
}

#[test]
fn territory_as_country() {
    let l = lines(&["1250 Ponce de Leon Avenue"]);
    let a = AddressInput {
        city: "San Juan",
        region: "",
        postal_code: "00907",
        country: "PR",
        ..us(&l)
    };
    assert_eq!(standardize(&a).unwrap()[2], "SAN JUAN PR  00907");
}

#[test]
fn canadian() {
    let l = lines(&["111 Wellington Street"]);
    let a = AddressInput {
        name: "Jean Tremblay",
        lines: &l,
        city: "Ottawa",
        region: "on",
        postal_code: "k1a0b1",
        country: "CA",
        ..Default::default()
    };
    assert_eq!(
        standardize(&a).unwrap(),
        [
            "JEAN TREMBLAY",
            "111 WELLINGTON STREET",
            "OTTAWA ON  K1A 0B1",
            "CANADA"
        ]
    );
}

#[test]
fn united_kingdom() {
    let l = lines(&["10 Downing Street"]);
    let a = AddressInput {
        name: "Alex Morgan",
        lines: &l,
        city: "London",
        postal_code: "SW1A 2AA",
        country: "gb",
        ..Default::default()
    };
    assert_eq!(
        standardize(&a).unwrap(),
        [
            "ALEX MORGAN",
            "10 DOWNING STREET",
            "LONDON SW1A 2AA",
            "UNITED KINGDOM"
        ]
    );
    let a = AddressInput { country: "UK", ..a };
    assert_eq!(standardize(&a).unwrap()[3], "UNITED KINGDOM");
}

#[test]
fn german_keeps_non_ascii_letters() {
    let l = lines(&["Hauptstraße 5", "c/o Müller-Lüdenscheidt"]);
    let a = AddressInput {
        name: "Jürgen Groß",
        organization: Some("Bäckerei & Söhne GmbH"),
        lines: &l,
        city: "Köln",
        postal_code: "50667",
        country: "DE",
        ..Default::default()
    };
    assert_eq!(
        standardize(&a).unwrap(),
        [
            "JÜRGEN GROSS",
            "BÄCKEREI & SÖHNE GMBH",
            "HAUPTSTRASSE 5",
            "C/O MÜLLER-LÜDENSCHEIDT",
            "50667 KÖLN",
            "GERMANY"
        ]
    );
}

#[test]
fn decomposed_accents_survive() {
    assert_eq!(clean("Saint-E\u{301}tienne", true), "SAINT-E\u{301}TIENNE");
    assert_eq!(clean("Winston-Salem", false), "WINSTON SALEM");
    assert_eq!(
        clean("c/o Jane; and/or Disco/Owl", false),
        "C/O JANE AND OR DISCO OWL"
    );
}

#[test]
fn error_unknown_country() {
    let l = lines(&["1 Main St"]);
    let e = standardize(&AddressInput {
        country: "XZ",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(e, AddressError::UnknownCountry { found: "XZ".into() });
    assert_eq!(e.field(), "country");
}

#[test]
fn error_empty_name_and_no_delivery_line() {
    let l = lines(&["1 Main St"]);
    let e = standardize(&AddressInput {
        name: " .,; ",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(e.field(), "name");
    let empty = lines(&["", "  ", ","]);
    let e = standardize(&us(&empty)).unwrap_err();
    assert!(matches!(e, AddressError::Missing { field: "lines", .. }));
    let none: Vec<String> = Vec::new();
    assert_eq!(standardize(&us(&none)).unwrap_err().field(), "lines");
}

#[test]
fn error_us_zip() {
    let l = lines(&["1 Main St"]);
    for bad in ["9810", "98101-234", "ABCDE", "98101-23456", "981-012345"] {
        let e = standardize(&AddressInput {
            postal_code: bad,
            ..us(&l)
        })
        .unwrap_err();
        assert!(
            matches!(e, AddressError::InvalidPostalCode { country: "US", .. }),
            "{bad}"
        );
        assert_eq!(e.field(), "postal_code");
    }
    let e = standardize(&AddressInput {
        postal_code: "",
        ..us(&l)
    })
    .unwrap_err();
    assert!(matches!(
        e,
        AddressError::Missing {
            field: "postal_code",
            ..
        }
    ));
}

#[test]
fn error_us_state() {
    let l = lines(&["1 Main St"]);
    let e = standardize(&AddressInput {
        region: "XX",
        ..us(&l)
    })
    .unwrap_err();
    assert!(matches!(
        e,
        AddressError::InvalidRegion { country: "US", .. }
    ));
    // A misspelt name is still an error, with the name it is nearest to.
    let e = standardize(&AddressInput {
        region: "Wahsington",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(e.field(), "region");
    assert!(
        e.to_string().ends_with("; did you mean WASHINGTON (WA)?"),
        "{e}"
    );
    // A two-letter code that is no code gets no guess.
    let e = standardize(&AddressInput {
        region: "XX",
        ..us(&l)
    })
    .unwrap_err();
    assert!(!e.to_string().contains("did you mean"), "{e}");
    let e = standardize(&AddressInput {
        region: "",
        ..us(&l)
    })
    .unwrap_err();
    assert!(matches!(
        e,
        AddressError::Missing {
            field: "region",
            ..
        }
    ));
    let e = standardize(&AddressInput {
        country: "PR",
        region: "NY",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(e.field(), "region");
}

#[test]
fn state_names_standardize_to_their_codes() {
    // Issue 11: "Washington" and "new york" were refused; Publication 28 Appendix B
    // gives their codes.
    let l = lines(&["1 Main St"]);
    for (given, last) in [
        ("Washington", "SEATTLE WA  98101"),
        ("new york", "SEATTLE NY  98101"),
        ("  NEW   York ", "SEATTLE NY  98101"),
        ("District of Columbia", "SEATTLE DC  98101"),
        ("wa", "SEATTLE WA  98101"),
    ] {
        let printed = standardize(&AddressInput {
            region: given,
            ..us(&l)
        })
        .unwrap();
        assert_eq!(printed.last().map(String::as_str), Some(last), "{given:?}");
    }
    // A territory's name agrees with the territory given as country.
    let printed = standardize(&AddressInput {
        country: "PR",
        region: "Puerto Rico",
        city: "San Juan",
        postal_code: "00901",
        ..us(&l)
    })
    .unwrap();
    assert_eq!(printed.last().unwrap(), "SAN JUAN PR  00901");
    // The military "states" by name go with their post offices.
    let printed = standardize(&AddressInput {
        region: "Armed Forces Europe",
        city: "APO",
        postal_code: "09096",
        ..us(&l)
    })
    .unwrap();
    assert_eq!(printed.last().unwrap(), "APO AE  09096");
}

#[test]
fn every_appendix_b_name_has_a_valid_code_and_every_code_a_name() {
    for (name, code) in US_REGION_NAMES {
        assert!(US_REGIONS.contains(code), "{name} {code}");
    }
    for code in US_REGIONS {
        assert!(
            US_REGION_NAMES.iter().any(|(_, c)| c == code),
            "{code} has no name"
        );
    }
}

#[test]
fn error_empty_city() {
    let l = lines(&["1 Main St"]);
    let e = standardize(&AddressInput { city: "", ..us(&l) }).unwrap_err();
    assert!(matches!(e, AddressError::Missing { field: "city", .. }));
}

#[test]
fn error_military_mismatch() {
    let l = lines(&["Unit 2050 Box 4190"]);
    let e = standardize(&AddressInput {
        region: "AE",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(
        e,
        AddressError::MilitaryCity {
            found: "Seattle".into(),
            region: "AE"
        }
    );
    assert_eq!(e.field(), "city");
    let e = standardize(&AddressInput {
        city: "APO",
        region: "NY",
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(
        e,
        AddressError::MilitaryRegion {
            found: "NY".into(),
            city: "APO"
        }
    );
    assert_eq!(e.field(), "region");
}

#[test]
fn error_canadian_province_and_postal_code() {
    let l = lines(&["111 Wellington St"]);
    let base = AddressInput {
        name: "Jean Tremblay",
        lines: &l,
        city: "Ottawa",
        region: "ON",
        postal_code: "K1A 0B1",
        country: "CA",
        ..Default::default()
    };
    let e = standardize(&AddressInput {
        region: "ONT",
        ..base.clone()
    })
    .unwrap_err();
    assert!(matches!(
        e,
        AddressError::InvalidRegion { country: "CA", .. }
    ));
    let e = standardize(&AddressInput {
        region: "",
        ..base.clone()
    })
    .unwrap_err();
    assert_eq!(e.field(), "region");
    for bad in ["K1A 0B", "12345", "KIA 0B1", "W1A 0B1", "K1A 0D1"] {
        let e = standardize(&AddressInput {
            postal_code: bad,
            ..base.clone()
        })
        .unwrap_err();
        assert!(
            matches!(e, AddressError::InvalidPostalCode { country: "CA", .. }),
            "{bad}"
        );
    }
    let e = standardize(&AddressInput {
        postal_code: "",
        ..base
    })
    .unwrap_err();
    assert_eq!(e.field(), "postal_code");
}

#[test]
fn error_line_too_long_names_the_field() {
    let l = lines(&[
        "1 Main St",
        "Building 1234567890123456789012345678901234567",
    ]);
    let e = standardize(&us(&l)).unwrap_err();
    assert!(matches!(&e, AddressError::LineTooLong { field, .. } if field == "lines[1]"));
    // 41 characters after abbreviation: an error, not a squeeze.
    let l = lines(&[
        "Suite 2",
        "123456 Northwest Evergreen Mountain Meadows Parkway",
    ]);
    let e = standardize(&us(&l)).unwrap_err();
    assert!(matches!(&e, AddressError::LineTooLong { field, len: 41, .. } if field == "lines[1]"));
    let long_name = "N".repeat(MAX_LINE_CHARS + 1);
    let l = lines(&["1 Main St"]);
    let e = standardize(&AddressInput {
        name: &long_name,
        ..us(&l)
    })
    .unwrap_err();
    assert_eq!(e.field(), "name");
    assert!(e.to_string().contains("41 characters"));
    // Exactly the limit is fine.
    let name = "N".repeat(MAX_LINE_CHARS);
    assert!(
        standardize(&AddressInput {
            name: &name,
            ..us(&l)
        })
        .is_ok()
    );
    let city = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    let e = standardize(&AddressInput { city, ..us(&l) }).unwrap_err();
    assert_eq!(e.field(), "city");
}

#[test]
fn error_right_to_left_and_other_scripts() {
    let lines = vec!["1 Main St".to_string()];
    let a = AddressInput {
        name: "مرحبا",
        lines: &lines,
        city: "Seattle",
        region: "WA",
        postal_code: "98101",
        country: "US",
        ..Default::default()
    };
    let err = standardize(&a).unwrap_err();
    assert_eq!(err.field(), "name");
    let b = AddressInput {
        name: "Ada 漢字",
        ..a.clone()
    };
    assert_eq!(standardize(&b).unwrap_err().field(), "name");
    let c = AddressInput {
        name: "Ωμέγα Жук Ädå",
        ..a
    };
    assert!(standardize(&c).is_ok());
}

#[test]
fn error_too_many_lines() {
    let l = lines(&["Attn Receiving", "Dock 4", "1 Main St", "Mail Code 7"]);
    let a = AddressInput {
        organization: Some("Northwind"),
        ..us(&l)
    };
    assert_eq!(
        standardize(&a).unwrap_err(),
        AddressError::TooManyLines {
            count: 7,
            max: MAX_LINES
        }
    );
}

#[test]
fn routing_zip_is_domestic_digits_only() {
    assert_eq!(
        routing_zip("US", "98101-2345").unwrap().as_deref(),
        Some("981012345")
    );
    assert_eq!(routing_zip("", "98101").unwrap().as_deref(), Some("98101"));
    assert_eq!(
        routing_zip("pr", "00907").unwrap().as_deref(),
        Some("00907")
    );
    assert_eq!(routing_zip("CA", "K1A 0B1").unwrap(), None);
    assert_eq!(routing_zip("GB", "SW1A 2AA").unwrap(), None);
    assert_eq!(
        routing_zip("US", "9810").unwrap_err().field(),
        "postal_code"
    );
    assert_eq!(routing_zip("US", "").unwrap_err().field(), "postal_code");
    assert_eq!(routing_zip("XZ", "98101").unwrap_err().field(), "country");
}

#[test]
fn never_panics_on_odd_input() {
    let huge = "é.#-/'".repeat(10_000);
    let odd = lines(&[
        "#",
        "-",
        "/",
        "1/",
        "/2",
        "#-#",
        "\u{0}\u{7f}",
        "🏠 12 Main",
        &huge,
        "ß",
        "\u{301}",
    ]);
    for country in ["", "US", "CA", "GB", "DE", "JP", "??", "ééé", &huge] {
        let a = AddressInput {
            name: &huge,
            organization: Some(&huge),
            lines: &odd,
            city: &huge,
            region: &huge,
            postal_code: &huge,
            country,
        };
        assert!(standardize(&a).is_err());
        assert!(
            standardize(&AddressInput {
                country,
                ..Default::default()
            })
            .is_err()
        );
        let _ = standardize(&AddressInput {
            name: "x",
            lines: &odd,
            country,
            ..Default::default()
        });
    }
    for s in [
        "#", "# #", "APT", "APT #", "SUITE NO", "REAR", "1", "1/2", "N", "PO", "UNIT BOX",
    ] {
        let l = lines(&[s]);
        let _ = standardize(&us(&l));
    }
}
