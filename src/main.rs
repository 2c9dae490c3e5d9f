fn main() -> std::process::ExitCode {
    // A panic is a bug: say so plainly, with where it happened, and exit 101 as Rust does.
    std::panic::set_hook(Box::new(|info| {
        // The message may quote a value read from a file: no control character raw (SPEC §3).
        let info = info.to_string();
        eprintln!(
            "forlop: intern feil / internal error: {}",
            forlop::terminal::escape(&info)
        );
        eprintln!("  Dette er en feil i forlop. / This is a bug in forlop; please report it.");
    }));
    forlop::cli::run()
}
