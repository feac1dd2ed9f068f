//! What the site shows of a small catalogue, for each audience.

use super::facets::{AGE_BANDS, fits_band};
use super::*;
use crate::testing::{config, d};

fn measure(id: &str, name: &str, provider: &str, access: Access) -> Measure {
    Measure { id: id.into(), name: name.into(), provider: provider.into(), access, ..Measure::default() }
}

fn bank() -> Tiltaksbank {
    Tiltaksbank {
        measures: vec![
            Measure {
                age_min: 0,
                age_max: 6,
                parents: true,
                level: Some(Level::Universal),
                tags: vec!["Søvn".into()],
                ..measure("sovnkurs", "Søvnkurs for småbarnsforeldre", "helsestasjon", Access::Open)
            },
            Measure {
                age_min: 3,
                age_max: 7,
                level: Some(Level::Selective),
                ..measure("sansemotorisk", "Sansemotorisk gruppe", "fysio-ergo", Access::ViaTeam)
            },
            Measure {
                referral_from: "skole eller barnehage".into(),
                age_min: 1,
                age_max: 18,
                link: "javascript:alert(1)".into(),
                ..measure("ppt-vurdering", "Åpen vurdering", "ppt", Access::Referral)
            },
            Measure {
                age_min: 6,
                age_max: 18,
                link: "https://testby.example/friplass".into(),
                ..measure("friplass", "Ærlig friplass", "kulturskole", Access::Decision)
            },
        ],
        left_out: Vec::new(),
    }
}

fn site(audience: Audience) -> Site {
    build(&config(), &bank(), audience, Lang::Nb, d(2027, 1, 5))
}

fn ids(cards: &[CardView]) -> Vec<&str> {
    cards.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn the_public_site_gives_what_citizens_use_directly_a_page_and_the_rest_one_line() {
    let s = site(Audience::Public);
    // Norwegian order: æ, ø, å after z.
    assert_eq!(ids(&s.index.measures), ["sansemotorisk", "sovnkurs", "friplass", "ppt-vurdering"]);
    let pages: Vec<&str> = s.pages.iter().map(|p| p.measure.id.as_str()).collect();
    assert_eq!(pages, ["sovnkurs", "friplass", "ppt-vurdering"]);
    let team = &s.index.measures[0];
    assert!(team.one_line && team.page.is_none());
    assert_eq!((s.index.total, s.index.pages, s.index.one_line), (4, 3, 1));
    assert_eq!(s.pages[0].measure.page.as_deref(), Some("tiltak/sovnkurs.html"));
    assert_eq!(s.pages[0].frame.root, "../");
    assert_eq!(s.index.frame.root, "");
}

#[test]
fn the_staff_site_gives_every_measure_a_page() {
    let s = site(Audience::Staff);
    assert_eq!(s.pages.len(), 4);
    assert!(s.index.measures.iter().all(|c| !c.one_line && c.page.is_some()));
    assert!(s.index.frame.staff);
}

#[test]
fn each_card_says_how_to_get_it_in_a_citizens_words() {
    let s = site(Audience::Public);
    let by_id = |id: &str| s.index.measures.iter().find(|c| c.id == id).unwrap();
    assert_eq!(by_id("sovnkurs").access_label, "Ta kontakt selv");
    assert_eq!(by_id("ppt-vurdering").access_label, "Henvisning fra skole eller barnehage");
    assert_eq!(by_id("friplass").access_label, "Etter vedtak");
    assert_eq!(by_id("sansemotorisk").access_label, "Gjennom ressursteamet");
    assert_eq!(by_id("sovnkurs").level_label, "For alle (universelt)");
    assert_eq!(by_id("friplass").level, "none");
    assert_eq!(by_id("sovnkurs").ages_label, "foreldre til barn 0–6 år");
    assert_eq!(by_id("sovnkurs").who, "Foreldre til barn 0–6 år");
    assert_eq!(who("Elever på 5.–10. trinn", "10–15 år"), "Elever på 5.–10. trinn (10–15 år)");
    assert_eq!(who("Familier med barn 0–18 år", "foreldre til barn 0–18 år"), "Familier med barn 0–18 år");
    assert_eq!(who("Gravide", "15–50 år"), "Gravide (15–50 år)");
    assert_eq!(who("Alle", "alle aldre"), "Alle");
    assert_eq!(who("", "fra 18 år"), "Fra 18 år");
    // Folded for the page's search: ø → o, æ → ae, å → a; the provider's name included.
    assert_eq!(
        by_id("sovnkurs").search,
        "sovnkurs for smabarnsforeldre sovn helsestasjon og skolehelsetjeneste"
    );
    assert!(by_id("friplass").search.starts_with("aerlig friplass"));
    // Only web links are shown.
    assert_eq!(by_id("ppt-vurdering").link, "");
    assert_eq!(by_id("friplass").link, "https://testby.example/friplass");
    let ppt = s.pages.iter().find(|p| p.measure.id == "ppt-vurdering").unwrap();
    assert!(ppt.provider.outside && ppt.provider.name.contains("PPT"));
}

#[test]
fn facets_hold_only_choices_some_measure_fits() {
    let s = site(Audience::Public);
    let keys: Vec<&str> = s.index.facets.iter().map(|f| f.key).collect();
    assert_eq!(keys, ["age", "provider", "level", "access"]);
    let values = |key: &str| -> Vec<String> {
        let f = s.index.facets.iter().find(|f| f.key == key).unwrap();
        f.choices.iter().map(|c| c.value.clone()).collect()
    };
    // rt.toml's order: units, then the providers outside the team.
    assert_eq!(values("provider"), ["helsestasjon", "fysio-ergo", "kulturskole", "ppt"]);
    assert_eq!(values("level"), ["universal", "selective", "none"]);
    assert_eq!(values("access"), ["open", "via-team", "referral", "decision"]);
    assert_eq!(values("age"), ["0-5", "6-12", "13-18", "19-25", "26-66", "67-120"]);
    // The parents' course is there for every adult; the group through the team links to its line.
    let age = &s.index.facets[0];
    let adults = &age.choices.iter().find(|c| c.value == "26-66").unwrap().measures;
    assert_eq!(adults.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["sovnkurs"]);
    let small = &age.choices[0].measures;
    assert_eq!(small[0].href, "#m-sansemotorisk");
    assert_eq!(small[1].href, "tiltak/sovnkurs.html");
}

#[test]
fn an_age_group_fits_a_measure_when_some_age_of_it_does() {
    let m = Measure { age_min: 3, age_max: 7, ..Measure::default() };
    let fits: Vec<bool> = AGE_BANDS.iter().map(|b| fits_band(&m, *b)).collect();
    assert_eq!(fits, [true, true, false, false, false, false]);
    let parents = Measure { age_min: 0, age_max: 1, parents: true, ..Measure::default() };
    let fits: Vec<bool> = AGE_BANDS.iter().map(|b| fits_band(&parents, *b)).collect();
    assert_eq!(fits, [true, false, true, true, true, true], "13–18 holds 18, an adult");
}

#[test]
fn english_words() {
    let s = build(&config(), &bank(), Audience::Public, Lang::En, d(2027, 1, 5));
    assert_eq!(s.index.frame.updated_long, "5 January 2027");
    assert_eq!(s.index.measures[3].access_label, "Referral from skole eller barnehage");
    assert_eq!(s.index.facets[2].label, "Level");
}

#[test]
fn only_web_links_pass() {
    assert_eq!(web_link(" https://a.example/x "), "https://a.example/x");
    assert_eq!(web_link("HTTP://a.example"), "HTTP://a.example");
    for bad in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://a b", "www.a.no"] {
        assert_eq!(web_link(bad), "", "{bad}");
    }
}
