//! The official pathway definitions, compiled in from the project's `pathways/` folder.
//! Sources and what is known of each are in the files themselves and in
//! docs/pathways.md.

macro_rules! pathways {
    ($($id:literal),* $(,)?) => {
        /// Every built-in pathway: (id, TOML text).
        pub const PATHWAYS: &[(&str, &str)] = &[
            $(($id, include_str!(concat!("../pathways/", $id, ".toml")))),*
        ];
    };
}

pathways![
    "akutt-leukemi-og-myelodysplasi",
    "blaerekreft",
    "brystkreft",
    "bukspyttkjertelkreft",
    "diagnostisk-pakkeforlop",
    "eggstokkreft",
    "galleveiskreft",
    "hjernekreft",
    "hode-og-halskreft",
    "kreft-hos-barn",
    "kreft-i-spiseror-og-magesekk",
    "kronisk-lymfatisk-leukemi",
    "livmorhalskreft",
    "livmorkreft",
    "lungekreft",
    "lymfomer",
    "malignt-melanom",
    "metastaser-med-ukjent-utgangspunkt",
    "myelomatose",
    "nevroendokrine-svulster",
    "nyrekreft",
    "peniskreft",
    "primaer-leverkreft",
    "prostatakreft",
    "sarkom",
    "skjoldbruskkjertelkreft",
    "testikkelkreft",
    "tykk-og-endetarmskreft",
];
