//! The translated command line parses exactly as the plain definition: help texts (present or
//! missing in a language) never change how an argument reads its values.

use clap::CommandFactory;
use forlop::i18n::Lang;

/// Every command of the tree, as the path of names below `forlop`.
fn paths(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    for sub in cmd.get_subcommands() {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        paths(sub, p, out);
    }
}

fn find<'a>(cmd: &'a clap::Command, path: &[String]) -> &'a clap::Command {
    path.iter().fold(cmd, |c, n| {
        c.find_subcommand(n).expect("a listed subcommand")
    })
}

/// How a command line ends: parsed, or the kind of error.
fn outcome(cmd: &clap::Command, argv: &[String]) -> String {
    match cmd.clone().try_get_matches_from(argv) {
        Ok(_) => "ok".into(),
        Err(e) => format!("{:?}", e.kind()),
    }
}

#[test]
fn every_argument_parses_the_same_in_bokmal_english_and_the_plain_definition() {
    let mut plain = forlop::cli::Cli::command();
    plain.build();
    let mut all = Vec::new();
    paths(&plain, Vec::new(), &mut all);
    assert!(all.len() > 25, "{all:?}");
    let langs = [Lang::Nb, Lang::En].map(|l| {
        let mut c = forlop::cli::command(l);
        c.build();
        (l, c)
    });
    let mut tried = 0;
    for path in &all {
        let p = find(&plain, path);
        let name = format!("forlop {}", path.join(" "));
        for arg in p.get_arguments() {
            let id = arg.get_id().as_str();
            for (lang, cmd) in &langs {
                let t = find(cmd, path)
                    .get_arguments()
                    .find(|a| a.get_id() == arg.get_id())
                    .unwrap_or_else(|| panic!("{name} {id}: missing in {lang:?}"));
                // What decides parsing is kept as the definition has it.
                assert_eq!(
                    format!("{:?}", t.get_action()),
                    format!("{:?}", arg.get_action()),
                    "{name} {id} ({lang:?}): action"
                );
                assert_eq!(
                    t.get_num_args(),
                    arg.get_num_args(),
                    "{name} {id} ({lang:?}): number of values"
                );
                assert_eq!(
                    t.is_required_set(),
                    arg.is_required_set(),
                    "{name} {id} ({lang:?}): required"
                );
                assert_eq!(
                    t.get_default_values(),
                    arg.get_default_values(),
                    "{name} {id} ({lang:?}): default"
                );
            }
            // And each flag, as a user writes it, ends the same way in every language.
            let Some(long) = arg.get_long() else { continue };
            let mut argv: Vec<String> = std::iter::once("forlop".to_string())
                .chain(path.iter().cloned())
                .collect();
            argv.push(format!("--{long}"));
            if arg.get_action().takes_values() {
                let value = arg
                    .get_possible_values()
                    .first()
                    .map_or_else(|| "1".to_string(), |v| v.get_name().to_string());
                argv.push(value);
            }
            let expected = outcome(&plain, &argv);
            for (lang, cmd) in &langs {
                assert_eq!(outcome(cmd, &argv), expected, "{argv:?} ({lang:?})");
            }
            tried += 1;
        }
    }
    assert!(tried > 100, "{tried} flags tried");
}
