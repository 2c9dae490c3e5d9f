//! Scale benchmark: generates realistic registers of N cases and times forlop's commands on them
//! (release build, warm file cache).
//!
//! ```sh
//! cargo bench --bench scale -- 10000 100000
//! cargo bench --bench scale -- 1000000 --shape heavy
//! ```
//!
//! Each size is measured in two shapes: *realistic* (2019–2026, most old cases closed: about
//! 6 % open) and *output-heavy* (77 % open, many long overdue: `due` prints about 1.8 rows a case),
//! the register the acceptance test uses. `--shape realistic` or `--shape heavy` picks one.
//!
//! Registers are written once to `target/bench-registers/n<N>/` (`n<N>-heavy/`) and reused. Every name and number
//! in them is fictional; fødselsnummer are synthetic (month + 80) with correct control digits.
//!
//! Each command is compared with a floor: this same binary, run as `--floor DIR`, walks the
//! register's `cases/`, reads every file and parses it with the same TOML parser, in parallel,
//! and does nothing else. Peak memory is the child's maximum resident set size (`wait4`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";

/// A small deterministic generator (xorshift64*), so every run writes the same register.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Ola", "Kari", "Nils", "Ingrid", "Astrid", "Berit", "Erik", "Hanne", "Geir", "Arne", "Svein",
    "Jon", "Marit", "Olav", "Lars", "Randi", "Siri", "Tor", "Anne", "Per", "Liv", "Knut", "Mona",
];
const LAST: &[&str] = &[
    "Nordmann", "Hansen", "Bakke", "Lie", "Moen", "Nilsen", "Johansen", "Strand", "Pedersen",
    "Lund", "Berg", "Haugen", "Holm", "Berge", "Eriksen", "Kvam", "Dahl", "Aas", "Vik", "Eide",
];
/// (pathway, case id prefix, treatments the pathway's tables know)
const PATHWAYS: &[(&str, &str, &[&str])] = &[
    (
        "tykk-og-endetarmskreft",
        "te",
        &["surgery", "drug", "radiation"],
    ),
    ("brystkreft", "br", &["surgery", "drug"]),
    ("lymfomer", "ly", &["drug", "radiation"]),
    ("sarkom", "sa", &["surgery", "drug", "radiation"]),
    ("hjernekreft", "hj", &["surgery", "drug", "radiation"]),
    (
        "testikkelkreft",
        "ts",
        &["surgery", "drug", "radiation", "surveillance"],
    ),
    ("bukspyttkjertelkreft", "bu", &["surgery", "drug"]),
    ("lungekreft", "lu", &["surgery", "drug", "radiation"]),
];

/// A synthetic fødselsnummer for a birth date (month + 80), with correct control digits.
fn synthetic_fnr(rng: &mut Rng, year: i32, month: u32, day: u32) -> String {
    let yy = (year % 100) as u32;
    loop {
        let individual = if year < 2000 {
            rng.below(500)
        } else {
            500 + rng.below(500)
        } as u32;
        let s = format!("{day:02}{:02}{yy:02}{individual:03}", month + 80);
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        let control = |digits: &[u32], w: &[u32]| {
            let r = 11 - digits.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
            match r {
                11 => Some(0),
                10 => None,
                k => Some(k),
            }
        };
        let Some(k1) = control(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2]) else {
            continue;
        };
        let mut d2 = d.clone();
        d2.push(k1);
        let Some(k2) = control(&d2, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else {
            continue;
        };
        return format!("{s}{k1}{k2}");
    }
}

fn date(days_from_2019: u64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap() + chrono::Days::new(days_from_2019)
}

/// The shape of a generated register.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Most old cases closed: about 6 % open.
    Realistic,
    /// 77 % open, many of them long overdue: the output-heavy acceptance register.
    Heavy,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Realistic => "realistic",
            Shape::Heavy => "heavy",
        }
    }
}

/// Writes one case file's text.
fn case_text(
    rng: &mut Rng,
    n: usize,
    id: &str,
    (pathway, treatments): (&str, &[&str]),
    today: chrono::NaiveDate,
    shape: Shape,
) -> String {
    let span = (today - date(0)).num_days() as u64;
    // Recent referrals are more common among open cases; most old ones are closed.
    let referral = if shape == Shape::Heavy {
        // Referrals over the last year: the open ones mostly long overdue.
        date(span - rng.below(365))
    } else if rng.chance(8) {
        date(span - rng.below(60))
    } else {
        date(rng.below(span - 60))
    };
    let mut t = String::new();
    let coordinator = ["ssol", "thav"][n % 2];
    let doctor = rng.pick(&["dr-berg", "dr-lunde", "dr-moe"]);
    let _ = writeln!(
        t,
        "# Generert testsak (fiktiv).\nid = \"{id}\"\npathway = \"{pathway}\"\ncoordinator = \"{coordinator}\"\ndoctor = \"{doctor}\""
    );
    let treatment = rng.pick(treatments);
    let stage = match shape {
        Shape::Realistic => rng.below(6), // 0 referral … 3 treated, 4 not cancer, 5 declined
        // 77 % stay open: stages 0–2 (no treatment yet), the rest closed.
        Shape::Heavy if rng.chance(77) => rng.below(3),
        Shape::Heavy => 3 + rng.below(3),
    };
    if (2..=3).contains(&stage) {
        let _ = writeln!(t, "treatment = \"{treatment}\"");
    }
    let year = 1940 + rng.below(70) as i32;
    let (month, day) = (1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    let _ = writeln!(
        t,
        "\n[patient]\nname = \"{} {}\"\nfnr = \"{}\"\nborn = {year}\ngp = \"Dr. {}, Legesenteret\"",
        rng.pick(FIRST),
        rng.pick(LAST),
        synthetic_fnr(rng, year, month, day),
        rng.pick(LAST)
    );
    let mut at = referral;
    let mut step = |t: &mut String, milestone: &str, gap: u64, rng: &mut Rng| {
        at = at + chrono::Days::new(gap + rng.below(gap.max(1)));
        if at <= today {
            let _ = writeln!(t, "\n[[event]]\nmilestone = \"{milestone}\"\ndate = {at}");
        }
        at
    };
    step(&mut t, "referral", 0, rng);
    if stage >= 1 {
        step(&mut t, "first-visit", 4, rng);
        let _ = writeln!(t, "note = \"Første konsultasjon\"");
    }
    if stage >= 2 {
        let d = step(&mut t, "decision", 8, rng);
        if stage == 4 && d <= today {
            let _ = writeln!(t, "outcome = \"no-disease\"");
        }
    }
    if stage == 3 {
        let d = step(&mut t, "treatment", 10, rng);
        if d <= today {
            let _ = writeln!(t, "treatment = \"{treatment}\"");
        }
    }
    let _ = writeln!(
        t,
        "\n[[appointment]]\ndate = {}\ntime = \"09:30\"\nwhat = \"CT thorax/abdomen\"\nwhere = \"Radiologisk avdeling\"",
        referral + chrono::Days::new(3)
    );
    let _ = writeln!(
        t,
        "\n[[mdt]]\ndate = {}\nquestion = \"Operabel?\"",
        referral + chrono::Days::new(12)
    );
    let _ = writeln!(
        t,
        "\n[[note]]\ndate = {referral}\ntext = \"Ringt pasienten, forklart pakkeforløpet.\"\nby = \"{coordinator}\""
    );
    let old = shape == Shape::Realistic && (today - referral).num_days() > 120;
    let closing = match stage {
        3 if old || shape == Shape::Heavy || rng.chance(50) => Some("treatment-started"),
        4 if at <= today => Some("not-cancer"),
        5 => Some("declined"),
        _ if old => Some("other"),
        _ => None,
    };
    if let Some(reason) = closing {
        let when = at.max(referral + chrono::Days::new(1)).min(today);
        let _ = writeln!(t, "\n[closed]\ndate = {when}\nreason = \"{reason}\"");
    } else if shape == Shape::Realistic && rng.chance(3) {
        let _ = writeln!(
            t,
            "\n[transfer]\ndate = {}\nto = \"Oslo universitetssykehus HF\"\ncontact = \"ext-ous-lunge\"",
            at.min(today)
        );
    }
    t
}

/// Generates (once) a register of `n` cases and returns its path.
fn register(root: &Path, n: usize, shape: Shape) -> PathBuf {
    let dir = match shape {
        Shape::Realistic => root.join(format!("n{n}")),
        Shape::Heavy => root.join(format!("n{n}-heavy")),
    };
    if dir.join(".complete").exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/onkologi");
    std::fs::create_dir_all(dir.join("pathways")).unwrap();
    for f in ["forlop.toml", "team.toml"] {
        std::fs::copy(example.join(f), dir.join(f)).unwrap();
    }
    std::fs::copy(
        example.join("pathways/lungekreft.toml"),
        dir.join("pathways/lungekreft.toml"),
    )
    .unwrap();
    let today: chrono::NaiveDate = TODAY.parse().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    for i in 0..n {
        let (pathway, prefix, treatments) = PATHWAYS[i % PATHWAYS.len()];
        let id = format!("{prefix}-{i:06}");
        let text = case_text(&mut rng, i, &id, (pathway, treatments), today, shape);
        let year = text
            .split("milestone = \"referral\"\ndate = ")
            .nth(1)
            .map(|s| &s[..4])
            .unwrap_or("2026")
            .to_string();
        let folder = dir.join("cases").join(year);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{id}.toml")), text).unwrap();
    }
    std::fs::write(dir.join(".complete"), "").unwrap();
    dir
}

/// The floor: read and parse every case file with the same TOML parser, in parallel.
fn floor(dir: &Path) {
    use rayon::prelude::*;
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir.join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    let tables: usize = paths
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable");
            toml::de::DeTable::parse(&text)
                .map(|t| t.get_ref().len())
                .unwrap_or(0)
        })
        .sum();
    std::hint::black_box(tables);
}

/// One measured run: wall time and the child's peak resident memory.
// The child is reaped by wait4 (which also gives its rusage), not by Child::wait.
#[allow(clippy::zombie_processes)]
fn run_once(program: &str, args: &[String]) -> (Duration, u64) {
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, and status and usage point to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    let code = libc::WEXITSTATUS(status);
    assert!(
        libc::WIFEXITED(status) && code <= 1,
        "{program} {args:?} exited with {code}"
    );
    (elapsed, usage.ru_maxrss as u64 * 1024)
}

/// Runs a command `runs` times (after one warm-up); the median time and the largest peak memory.
fn measure(program: &str, args: &[String], runs: usize) -> (Duration, u64) {
    run_once(program, args);
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let (t, m) = run_once(program, args);
        times.push(t);
        peak = peak.max(m);
    }
    times.sort();
    (times[times.len() / 2], peak)
}

/// What a register's shape amounts to: cases, open share, and rows `due` prints.
fn describe(exe: &str, reg: &str) -> (usize, f64, usize) {
    let run = |args: &[&str]| {
        let out = Command::new(exe)
            .args(args)
            .args(["--today", TODAY, "--register", reg, "--format", "csv"])
            .output()
            .expect("runs");
        // The header line is not a row.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .count()
            .saturating_sub(1)
    };
    let open = run(&["status"]);
    let due = run(&["due"]);
    let cases = walkdir::WalkDir::new(Path::new(reg).join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count();
    (cases, open as f64 / cases.max(1) as f64, due)
}

/// The commands measured, each against the floor.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["status"],
    &["due"],
    &["due", "--format", "json"],
    &["due", "--format", "csv"],
    &["overdue"],
    &["agenda", "--days", "7"],
    &["agenda", "--days", "7", "--format", "json"],
    &["report"],
    &["report", "--format", "html"],
    // The morning mail: the report rendered twice (text and HTML), quoted-printable.
    &[
        "report",
        "--format",
        "eml",
        "--from",
        "forlop@sykehus.example",
        "--to",
        "leder@sykehus.example",
    ],
    &["stats"],
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--floor") {
        floor(Path::new(&args[i + 1]));
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    let shapes: Vec<Shape> = match args.iter().position(|a| a == "--shape") {
        Some(i) if args.get(i + 1).map(String::as_str) == Some("heavy") => vec![Shape::Heavy],
        Some(i) if args.get(i + 1).map(String::as_str) == Some("realistic") => {
            vec![Shape::Realistic]
        }
        _ => vec![Shape::Heavy, Shape::Realistic],
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-registers");
    let exe = env!("CARGO_BIN_EXE_forlop");
    let me = std::env::current_exe()
        .expect("own path")
        .display()
        .to_string();
    for n in sizes {
        for &shape in &shapes {
            let reg = register(&root, n, shape);
            let runs = if n > 500_000 {
                1
            } else if n > 50_000 {
                3
            } else {
                7
            };
            let reg_s = reg.display().to_string();
            let (cases, open, due_rows) = describe(exe, &reg_s);
            println!(
                "\n{} register: {cases} cases, {:.0} % open, `due` prints {due_rows} rows",
                shape.name(),
                open * 100.0
            );
            println!(
                "{:<32} {:>10} {:>8} {:>10}",
                "command", "median", "× floor", "peak RSS"
            );
            // The floor is measured next to each command (the machine may be shared); at a
            // million cases, where one run takes half a minute, once for all (after a warm-up)
            // and each command once.
            let floor_args = ["--floor".to_string(), reg_s.clone()];
            let once = (n > 500_000).then(|| measure(&me, &floor_args, 1));
            for cmd in COMMANDS {
                let (floor_t, floor_m) = once.unwrap_or_else(|| measure(&me, &floor_args, runs));
                let mut args: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
                args.extend([
                    "--today".into(),
                    TODAY.into(),
                    "--register".into(),
                    reg_s.clone(),
                ]);
                let (t, m) = if once.is_some() {
                    run_once(exe, &args)
                } else {
                    measure(exe, &args, runs)
                };
                println!(
                    "{:<32} {:>7.0} ms {:>8.2} {:>7.0} MB   (floor {:.0} ms, {:.0} MB)",
                    cmd.join(" "),
                    ms(t),
                    ms(t) / ms(floor_t),
                    mb(m),
                    ms(floor_t),
                    mb(floor_m)
                );
            }
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
