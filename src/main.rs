fn main() -> std::process::ExitCode {
    // A panic is a bug: say so plainly, with where it happened, and exit 101 as Rust does.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("forlop: intern feil / internal error: {info}");
        eprintln!("  Dette er en feil i forlop. / This is a bug in forlop; please report it.");
    }));
    forlop::cli::run()
}
