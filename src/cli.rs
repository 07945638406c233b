//! The command line: `ecslint [check] [PATH]...`, `ecslint rules`, `ecslint rule CODE|NAME`,
//! `ecslint schema`. Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage,
//! configuration or I/O errors.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::checks::RULES;
use crate::config::{self, LoadedConfig};
use crate::discover::{self, Filters, GlobList, Input};
use crate::engine::{self, FileStatus, Plan};
use crate::report::{self, Format};
use crate::rule::Severity;
use crate::suppress::Baseline;

#[derive(Parser, Debug)]
#[command(
    name = "ecslint",
    version,
    about = "A fast linter for Amazon ECS task definitions and services",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint files and directories (the default command).
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the documentation of one rule.
    Rule {
        /// A rule code (ECS201) or name (host-port-mismatch).
        rule: String,
    },
    /// Print the JSON Schema of `.ecslint.toml`.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), generated from the command-line definition.
    Man,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug, Default)]
struct CheckArgs {
    /// Files and directories to lint; `-` reads standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to use colour in human output (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum)]
    color: Option<ColorChoice>,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<SeverityArg>,
    /// Use this configuration file instead of searching for `.ecslint.toml`.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Rules to run (codes, prefixes, names, categories, ALL); replaces the configured set.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Rules not to run, in addition to the configured ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Only lint files matching these globs when walking directories.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files and directories matching these globs when walking directories.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// The file name to report for standard input (also decides JSON or YAML).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// List every file read and what ecslint made of it (on standard error).
    #[arg(long, short)]
    verbose: bool,
    /// Print only the findings: no summary, no notes, no progress.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print a count per rule instead of the findings (human format).
    #[arg(long)]
    statistics: bool,
    /// Also list the findings that suppressions hid, and why (human and JSON formats).
    #[arg(long)]
    show_suppressed: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Files larger than this many bytes are not read (default 10485760).
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// Report only on files changed since this git revision (the others are still read, so a
    /// changed service still sees its task definition).
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check(*args),
        None => check(cli.check),
        Some(Command::Rules { format }) => {
            print(&rules_listing(format));
            ExitCode::SUCCESS
        }
        Some(Command::Rule { rule }) => match crate::checks::find(&rule) {
            Some(r) => {
                print(r.docs);
                ExitCode::SUCCESS
            }
            None => fail(&match config::Selector::parse(&rule) {
                Err(e) => e.replace("rule selector", "rule"),
                Ok(_) => {
                    format!("`{rule}` names a group of rules, not one rule; see `ecslint rules`")
                }
            }),
        },
        Some(Command::Schema) => {
            print(&config::json_schema());
            ExitCode::SUCCESS
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "ecslint",
                &mut out,
            );
            print(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Some(Command::Man) => {
            print(&man_page());
            ExitCode::SUCCESS
        }
    }
}

/// A progress bar on standard error, drawn only once a run has taken a second.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} linting {pos}/{len} files {wide_bar}",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if self.started.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The roff manual page, as committed in `docs/ecslint.1` (a test keeps it fresh).
pub fn man_page() -> String {
    let mut out = Vec::new();
    let _ = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    if !s.ends_with('\n') {
        let _ = out.write_all(b"\n");
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn rules_listing(format: ListFormat) -> String {
    match format {
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "category": r.category.as_str(),
                        "severity": r.severity.as_str(),
                        "summary": r.summary(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let name_w = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let mut out = String::new();
            for r in RULES {
                out.push_str(&format!(
                    "{}  {:name_w$}  {:13}  {:7}  {}\n",
                    r.code,
                    r.name,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.summary()
                ));
            }
            out
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let loaded = match &args.config {
        Some(path) => match config::load(path) {
            Ok(c) => c,
            Err(e) => return fail(&e),
        },
        None => match config::discover(&cwd) {
            Some(path) => match config::load(&path) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            },
            None => LoadedConfig {
                base: cwd.clone(),
                ..LoadedConfig::default()
            },
        },
    };
    let (mut plan, filters) = match plan(&args, &loaded, &cwd) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    if let Some(size) = args.max_file_size {
        match config::checked_size(size) {
            Ok(size) => plan.max_file_size = size,
            Err(e) => return fail(&e.replace("`max-file-size`", "--max-file-size")),
        }
    }
    if let Some(rev) = &args.changed_since {
        let mut paths: Vec<PathBuf> = args
            .paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect();
        if paths.is_empty() {
            paths.push(cwd.clone());
        }
        match discover::changed_since(rev, &paths) {
            Ok(set) => plan.only_files = Some(set),
            Err(e) => return fail(&e),
        }
    }
    if let Some(path) = &args.baseline {
        match Baseline::load(path) {
            Ok(b) => plan.baseline = Some(b),
            Err(e) => return fail(&e),
        }
    }
    let fail_on: Severity = args
        .fail_on
        .map(Severity::from)
        .or(loaded.config.fail_on)
        .unwrap_or(Severity::Error);

    let mut paths: Vec<PathBuf> = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (stdin_requested, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    let mut found = discover::discover(&paths, &filters);
    if !stdin_requested.is_empty() {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            return fail(&format!("cannot read standard input: {e}"));
        }
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_string());
        found.inputs.push(Input {
            path: Some(discover::absolute(Path::new(&name))),
            display: name,
            stdin: Some(text),
            explicit: true,
            claimed: false,
        });
    } else if args.stdin_filename.is_some() {
        return fail("--stdin-filename needs `-` among the paths");
    }

    let format = args.format.unwrap_or(Format::Human);
    let started = std::time::Instant::now();
    let outcome = if format == Format::Human && !args.quiet && std::io::stderr().is_terminal() {
        let bar = Progress::new(found.inputs.len());
        let outcome = engine::run_with_progress(&found.inputs, &plan, &|| bar.tick());
        bar.finish();
        outcome
    } else {
        engine::run(&found.inputs, &plan)
    };
    let elapsed = started.elapsed();

    if let Some(path) = &args.write_baseline {
        let text = Baseline::render(outcome.all_findings(), &outcome.files);
        if let Err(e) = std::fs::write(path, text) {
            return fail(&format!("cannot write {}: {e}", path.display()));
        }
        if !args.quiet {
            eprintln!(
                "Wrote {} finding(s) to {}; run with --baseline {} to report only new ones.",
                outcome.all_findings().len(),
                path.display(),
                path.display()
            );
        }
        return if outcome.errors.is_empty() && found.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }

    if args.verbose {
        for (file, status) in outcome.files.iter().zip(&outcome.statuses) {
            match status {
                FileStatus::Linted {
                    shapes,
                    placeholders,
                } => {
                    let template = match placeholders {
                        0 => String::new(),
                        1 => "; a template: 1 placeholder read as an unknown value".to_string(),
                        n => format!("; a template: {n} placeholders read as unknown values"),
                    };
                    eprintln!("linted: {} ({}{template})", file.display, shapes.join(", "))
                }
                FileStatus::Reported(what) => eprintln!("linted: {} ({what})", file.display),
                FileStatus::Skipped(why) => eprintln!("skipped: {} ({why})", file.display),
                FileStatus::NotRead { format, .. } => eprintln!(
                    "not read: {} ({}: {})",
                    file.display,
                    format.noun().0,
                    format.why()
                ),
                FileStatus::Failed(_) => {}
            }
        }
    }

    // A file the user named and ecslint cannot read: say so every time, whatever the format.
    for ((input, file), status) in found
        .inputs
        .iter()
        .zip(&outcome.files)
        .zip(&outcome.statuses)
    {
        if let (true, FileStatus::NotRead { format, .. }) = (input.explicit, status) {
            if !args.verbose {
                eprintln!(
                    "warning: {}: not read ({})",
                    file.display,
                    format.sentence()
                );
            }
        }
    }

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let rendered = match format {
        Format::Human => report::human::render_with(
            &outcome,
            &report::human::Options {
                color,
                quiet: args.quiet,
                statistics: args.statistics,
                show_suppressed: args.show_suppressed,
                elapsed: to_terminal.then_some(elapsed),
            },
        ),
        Format::Json => report::json::render(&outcome, args.show_suppressed),
        Format::Sarif => report::sarif::render(&outcome, &cwd),
        Format::Github => report::github::render(&outcome),
        Format::Junit => report::junit::render(&outcome),
        Format::Markdown => report::markdown::render(&outcome),
    };
    // Nothing was found to lint and something was wrong: the errors say it all.
    let nothing = found.inputs.is_empty() && !found.errors.is_empty();
    let rendered = if nothing { String::new() } else { rendered };
    let written = match &args.output {
        Some(path) => std::fs::write(path, rendered.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(rendered.as_bytes())
            .map_err(|e| format!("cannot write output: {e}")),
    };

    for (file, n) in &outcome.not_shown {
        eprintln!(
            "warning: {file}: {n} more findings not shown (at most {} per file)",
            engine::MAX_FINDINGS_PER_FILE
        );
    }
    if format != Format::Human && !args.quiet {
        eprint!("{}", report::human::baseline_note(&outcome));
    }
    let mut io_errors = found.errors;
    io_errors.extend(outcome.errors.iter().cloned());
    if let Err(e) = written {
        io_errors.push(e);
    }
    for e in &io_errors {
        eprintln!("error: {e}");
    }
    if !io_errors.is_empty() {
        return ExitCode::from(2);
    }
    if outcome.findings.iter().any(|f| f.severity >= fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plan(args: &CheckArgs, loaded: &LoadedConfig, cwd: &Path) -> Result<(Plan, Filters), String> {
    let c = &loaded.config;
    let select = (!args.select.is_empty()).then_some(args.select.as_slice());
    let plan = config::plan(loaded, select, &args.ignore, cwd)?;
    let filters = Filters {
        include: vec![
            GlobList::new(&c.include, &loaded.base)?,
            GlobList::new(&args.include, cwd)?,
        ],
        exclude: vec![
            GlobList::new(&c.exclude, &loaded.base)?,
            GlobList::new(&args.exclude, cwd)?,
        ],
    };
    Ok((plan, filters))
}
