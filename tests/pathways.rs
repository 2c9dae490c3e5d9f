//! The built-in pathways and `forlop pathways`.

use forlop::model::{Days, Origin, Role, Treatment, Vocab};
use forlop::register::load_pathways;

use crate::util::*;

#[test]
fn every_built_in_pathway_loads_clean() {
    let (pathways, broken, diags, _) = load_pathways(None);
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(broken.is_empty());
    assert_eq!(pathways.len(), 28);
    assert!(pathways.iter().all(|p| p.origin == Origin::BuiltIn));
}

#[test]
fn the_pathways_folder_and_the_compiled_list_agree() {
    let mut on_disk: Vec<String> = std::fs::read_dir(project("pathways"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let compiled: Vec<&str> = forlop::builtin::PATHWAYS
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(on_disk, compiled);
}

#[test]
fn phase_times_add_up_to_the_total_for_every_treatment() {
    let (pathways, ..) = load_pathways(None);
    let mut checked = 0;
    for p in &pathways {
        let get = |id: &str| p.interval(id).map(|i| &i.days);
        let (Some(of1), Some(of2), Some(of3), Some(of4)) =
            (get("OF1"), get("OF2"), get("OF3"), get("OF4"))
        else {
            continue;
        };
        for (t, _) in Treatment::ALL {
            let parts = [of1, of2, of3].map(|d| d.for_treatment(*t));
            match (parts, of4.for_treatment(*t)) {
                ([Some(a), Some(b), Some(c)], Some(total)) => {
                    assert_eq!(a + b + c, total, "{} {:?}", p.id.value, t);
                    checked += 1;
                }
                ([_, _, None], None) => {}
                (parts, total) => panic!("{} {t:?}: OF3 {parts:?} vs OF4 {total:?}", p.id.value),
            }
        }
    }
    assert!(checked >= 20, "only {checked} sums checked");
}

#[test]
fn every_interval_names_milestones_that_exist() {
    let (pathways, ..) = load_pathways(None);
    for p in &pathways {
        for i in &p.intervals {
            assert!(
                p.milestone(&i.from.value).is_some(),
                "{} {}",
                p.id.value,
                i.id.value
            );
            assert!(
                p.milestone(&i.to.value).is_some(),
                "{} {}",
                p.id.value,
                i.id.value
            );
        }
        // Every pathway starts with a referral (A) and has a decision (C).
        assert!(
            p.milestone_with_role(Role::Start).is_some(),
            "{}",
            p.id.value
        );
        assert!(
            p.milestone_with_role(Role::Decision).is_some(),
            "{}",
            p.id.value
        );
    }
}

#[test]
fn known_figures_are_encoded_exactly() {
    // Spot checks against docs/pathways.md.
    let (pathways, ..) = load_pathways(None);
    let p = |id: &str| pathways.iter().find(|p| p.id.value == id).unwrap();
    let te = p("tykk-og-endetarmskreft");
    assert_eq!(te.npr.as_deref(), Some("A12"));
    assert_eq!(te.interval("OF1").unwrap().days, Days::Fixed(9));
    assert_eq!(
        te.interval("OF3")
            .unwrap()
            .days
            .for_treatment(Treatment::Radiation),
        Some(18)
    );
    let br = p("brystkreft");
    assert_eq!(br.npr, None);
    assert_eq!(br.interval("OF2").unwrap().days, Days::Fixed(12));
    assert_eq!(
        br.interval("OF3")
            .unwrap()
            .days
            .for_treatment(Treatment::Radiation),
        None
    );
    let testikkel = p("testikkelkreft");
    assert_eq!(
        testikkel
            .interval("OF4")
            .unwrap()
            .days
            .for_treatment(Treatment::Surveillance),
        Some(31)
    );
    assert_eq!(p("skjoldbruskkjertelkreft").times.word(), "unverified");
    assert_eq!(p("galleveiskreft").times.word(), "unknown");
    assert!(p("galleveiskreft").intervals.is_empty());
    assert_eq!(
        p("akutt-leukemi-og-myelodysplasi")
            .retired
            .as_ref()
            .unwrap()
            .value
            .to_string(),
        "2021-05-01"
    );
    assert_eq!(
        p("metastaser-med-ukjent-utgangspunkt").npr.as_deref(),
        Some("B01")
    );
    assert!(
        p("diagnostisk-pakkeforlop")
            .milestone_with_role(Role::Treatment)
            .is_none()
    );
}

#[test]
fn pathways_without_a_register_lists_28() {
    let dir = tempfile::tempdir().unwrap();
    let out = forlop()
        .current_dir(dir.path())
        .args(["pathways", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 28);
    let retired: Vec<&str> = list
        .iter()
        .filter(|p| !p["retired"].is_null())
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        retired,
        [
            "akutt-leukemi-og-myelodysplasi",
            "kronisk-lymfatisk-leukemi"
        ]
    );
    assert!(list.iter().all(|p| p["origin"] == "built-in"));
}

#[test]
fn a_register_pathway_overrides_the_built_in_one() {
    let out = forlop()
        .args(["pathways", "--format", "json", "--register"])
        .arg(project("examples/onkologi"))
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 28);
    let lunge = list.iter().find(|p| p["id"] == "lungekreft").unwrap();
    assert_eq!(lunge["origin"], "register");
    assert_eq!(lunge["times"], "unverified");
}

#[test]
fn pathways_show_gives_milestones_intervals_and_source() {
    let out = forlop()
        .args([
            "pathways",
            "show",
            "tykk-og-endetarmskreft",
            "--format",
            "json",
        ])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["milestones"][1]["npr"], "A12S");
    assert_eq!(
        p["intervals"][3]["days"],
        serde_json::json!({"surgery": 35, "drug": 35, "radiation": 39})
    );
    assert_eq!(p["updated"], "2021-07-02");
    let text = forlop()
        .args(["pathways", "show", "tykk-og-endetarmskreft"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(text.stdout).unwrap());
}

#[test]
fn an_unknown_pathway_gets_a_did_you_mean() {
    let out = forlop()
        .args(["pathways", "show", "brystkref", "--lang", "en"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `brystkreft`?"), "{err}");
}
