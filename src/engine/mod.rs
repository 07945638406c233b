//! The engine: lint every file in parallel (rayon; each file's steps are in [`file`]), link
//! the workspace and run the cross-file rules, apply suppressions and the baseline, and return
//! findings sorted so output is identical whatever the thread count.

mod file;
mod followed;

pub use file::{lint_text, FileLint};

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::classify::Foreign;
use crate::discover::{GlobList, Input};
use crate::finding::{FileId, Finding};
use crate::link::Workspace;
use crate::rule::{Check, Options, Registry, RuleRef, Severity, Sink};
use crate::span::{LineIndex, Position, Span};
use crate::suppress::{
    self, Baseline, ConfigSuppression, Date, FileSuppression, FileView, Suppressed,
};

/// Files larger than this are refused with a message, by default (spans are 32-bit, and a
/// huge configuration file is more likely hostile than real).
pub const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;
/// At most this many findings are kept per file (a real task definition is far below it).
pub const MAX_FINDINGS_PER_FILE: usize = 1000;
/// The most `max-file-size` may be raised to: spans are 32-bit offsets.
pub const MAX_FILE_SIZE_CEILING: u64 = u32::MAX as u64 / 2;

/// What to run: the rules (a [`Registry`] the run owns), which are enabled and at what
/// severity (indexed like the registry), per-file ignores,
/// suppressions, the baseline, and which files to report on.
#[derive(Debug)]
pub struct Plan {
    /// Every rule the run knows: the built-in ones, and any registered at run time.
    pub registry: Registry,
    /// The run's own rule settings (its configuration's, or the defaults).
    pub rules: RuleSettings,
    pub baseline: Option<Baseline>,
    /// Report only on these files (`--changed-since`); the others are still read and linked.
    pub only_files: Option<HashSet<PathBuf>>,
    /// The date expiring suppressions are compared with.
    pub today: Date,
    /// Files larger than this many bytes are not read.
    pub max_file_size: u64,
    /// Whether the report draws source excerpts (the human format). When not, a file with
    /// findings keeps only its line index, not its text, when positions need nothing more.
    pub excerpts: bool,
    /// The directory of the run's configuration file, when there is one.
    pub base: Option<PathBuf>,
    /// The settings of other configuration files: the nearest `.ecslint.toml` above a file
    /// applies to it (see [`Plan::scope_of`]).
    pub scopes: Vec<Scope>,
}

/// Every rule's options as the configuration leaves them when it says nothing.
pub fn default_options(registry: &Registry) -> Vec<Option<Options>> {
    registry
        .iter()
        .map(|r| r.options.map(|spec| (spec.default)()))
        .collect()
}

/// The rule settings one configuration gives the files it applies to (every per-rule table is
/// indexed like the registry).
#[derive(Debug)]
pub struct RuleSettings {
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
    pub per_file_ignores: Vec<(GlobList, Vec<bool>)>,
    /// Each rule's options (`None` for a rule without options).
    pub options: Vec<Option<Options>>,
    /// `[[suppress]]` entries of the config file.
    pub suppressions: Vec<ConfigSuppression>,
    /// The config file (display path and text), where findings about its entries point.
    pub config_file: Option<(String, Arc<str>)>,
}

impl RuleSettings {
    /// Every rule of `registry` enabled, at its default severity, with default options.
    pub fn defaults(registry: &Registry) -> RuleSettings {
        RuleSettings {
            enabled: registry.iter().map(|_| true).collect(),
            severity: registry.iter().map(|r| r.severity).collect(),
            per_file_ignores: Vec::new(),
            options: default_options(registry),
            suppressions: Vec::new(),
            config_file: None,
        }
    }

    /// Extends every per-rule table for a rule just registered: enabled, at `severity`.
    fn push_rule(&mut self, severity: Severity, options: Option<Options>) {
        self.enabled.push(true);
        self.severity.push(severity);
        self.options.push(options);
        for (_, ignored) in &mut self.per_file_ignores {
            ignored.push(false);
        }
    }
}

/// The rule settings of one configuration file other than the run's own. Run-wide settings
/// (`fail-on`, `max-file-size`, `include`) come from the run's configuration only.
#[derive(Debug)]
pub struct Scope {
    /// The directory of the configuration file: its settings apply to the files under it.
    pub base: PathBuf,
    pub rules: RuleSettings,
    /// Files and directories under `base` not to lint when walking.
    pub exclude: GlobList,
}

impl Plan {
    /// Which settings apply to `input`: `0` for the run's own, `k` for `scopes[k - 1]`. The
    /// configuration file nearest above the file wins.
    pub fn scope_of(&self, input: &Input) -> usize {
        let Some(path) = &input.path else { return 0 };
        let depth = |base: &PathBuf| base.components().count();
        let mut best = (
            0,
            self.base
                .as_ref()
                .filter(|b| path.starts_with(b))
                .map_or(0, depth),
        );
        for (k, scope) in self.scopes.iter().enumerate() {
            if path.starts_with(&scope.base) && depth(&scope.base) > best.1 {
                best = (k + 1, depth(&scope.base));
            }
        }
        best.0
    }

    /// The settings of scope `k` (see [`Plan::scope_of`]).
    pub fn settings(&self, k: usize) -> &RuleSettings {
        match k.checked_sub(1).and_then(|i| self.scopes.get(i)) {
            Some(s) => &s.rules,
            None => &self.rules,
        }
    }

    /// Every built-in rule at its default severity; `today` is the date expiring suppressions
    /// are compared with (the core never reads the clock).
    pub fn new(today: Date) -> Plan {
        let registry = Registry::builtin();
        Plan {
            rules: RuleSettings::defaults(&registry),
            registry,
            baseline: None,
            only_files: None,
            today,
            max_file_size: MAX_FILE_SIZE,
            excerpts: true,
            base: None,
            scopes: Vec::new(),
        }
    }

    /// [`Plan::new`] with today's date from the system clock.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn all() -> Plan {
        Plan::new(Date::today())
    }

    /// Only the named rule (code or name).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn only(code: &str) -> Plan {
        let mut plan = Plan::all();
        plan.select_only(code);
        plan
    }

    /// The rules of `profile` (what `--profile` runs when nothing is selected).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn profile(profile: crate::rule::Profile) -> Plan {
        let mut plan = Plan::all();
        let mask: Vec<bool> = plan
            .registry
            .iter()
            .map(|r| r.in_profile(profile))
            .collect();
        plan.rules.enabled = mask;
        plan
    }

    /// Enables only the named rule (code or name), in every scope.
    pub fn select_only(&mut self, code_or_name: &str) {
        let only = self.registry.find(code_or_name).map(RuleRef::index);
        let mask: Vec<bool> = (0..self.registry.len()).map(|i| Some(i) == only).collect();
        self.rules.enabled.clone_from(&mask);
        for scope in &mut self.scopes {
            scope.rules.enabled.clone_from(&mask);
        }
    }

    /// Adds a rule at run time (a configured policy, a test's rule): enabled, at its default
    /// severity, selectable and suppressible like a built-in.
    pub fn register(&mut self, rule: crate::rule::Rule) -> Result<RuleRef, String> {
        let r = self.registry.register(rule)?;
        let options = r.options.map(|spec| (spec.default)());
        self.rules.push_rule(r.severity, options.clone());
        for scope in &mut self.scopes {
            scope.rules.push_rule(r.severity, options.clone());
        }
        Ok(r)
    }

    /// The registry entry of a built-in rule.
    pub fn rule(&self, rule: &crate::rule::Rule) -> Option<RuleRef> {
        self.registry.of(rule).cloned()
    }

    fn reported(&self, input: &Input) -> bool {
        match (&self.only_files, &input.path) {
            (None, _) => true,
            (Some(_), _) if input.stdin.is_some() => true,
            (Some(set), Some(p)) => {
                set.contains(p) || std::fs::canonicalize(p).is_ok_and(|c| set.contains(&c))
            }
            (Some(_), None) => false,
        }
    }

    pub(crate) fn mask_for(&self, input: &Input, scope: usize) -> Vec<bool> {
        self.mask_of(scope, &self.ignores_matching(input, scope))
    }

    /// Which of scope `scope`'s per-file ignores match `input` (indices; usually none).
    fn ignores_matching(&self, input: &Input, scope: usize) -> Vec<usize> {
        let Some(path) = &input.path else {
            return Vec::new();
        };
        self.settings(scope)
            .per_file_ignores
            .iter()
            .enumerate()
            .filter(|(_, (globs, _))| globs.matches(path))
            .map(|(i, _)| i)
            .collect()
    }

    /// The rules enabled in `scope`, less those per-file ignores `matching` switch off.
    fn mask_of(&self, scope: usize, matching: &[usize]) -> Vec<bool> {
        let settings = self.settings(scope);
        let mut mask = settings.enabled.to_vec();
        for &k in matching {
            if let Some((_, ignored)) = settings.per_file_ignores.get(k) {
                for (m, i) in mask.iter_mut().zip(ignored) {
                    *m &= !i;
                }
            }
        }
        mask
    }
}

/// A file of the run, with its text when a finding needs it for rendering.
#[derive(Debug)]
pub struct SourceFile {
    pub display: String,
    /// The file's text with every secret value masked, when a finding needs it for rendering.
    pub text: Option<Arc<str>>,
    /// Boxed: most files have none (a run keeps one `SourceFile` per file).
    lines: Option<Box<LineIndex>>,
    secrets: Vec<Span>,
    too_large: bool,
    /// The file parsed (its secrets were found by the model).
    parsed: bool,
}

impl SourceFile {
    fn with_text(display: String, text: Arc<str>) -> SourceFile {
        let lines = Some(Box::new(LineIndex::new(&text)));
        SourceFile {
            display,
            text: Some(text),
            lines,
            secrets: Vec::new(),
            too_large: false,
            parsed: true,
        }
    }

    /// Line and column of a byte offset (1:1 when the text is not available).
    pub fn position(&self, offset: u32) -> Position {
        match (&self.text, &self.lines) {
            (Some(text), Some(lines)) => lines.position(text, offset),
            (None, Some(lines)) if lines.is_ascii() => lines.position_in_ascii(offset),
            _ => Position { line: 1, column: 1 },
        }
    }
}

impl FileStatus {
    /// Linted, or reported on as a whole: the file counts as linted.
    pub fn linted(&self) -> bool {
        matches!(self, FileStatus::Linted { .. } | FileStatus::Reported(_))
    }
}

impl Default for FileStatus {
    fn default() -> FileStatus {
        FileStatus::Skipped(String::new())
    }
}

/// What happened to each file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileStatus {
    /// Linted: what it held, and how many template placeholders stood where values belong
    /// (read as unknown values; more than zero means the file is a template).
    Linted {
        shapes: Vec<&'static str>,
        placeholders: u32,
    },
    /// Reported on as a whole, with no resource read: does not parse, empty, too large.
    Reported(&'static str),
    /// Read, and not ecslint's business.
    Skipped(String),
    /// Not read: a format ecslint does not read (yet). `counted` when the summary must say
    /// so: the file was named on the command line, or its text declares ECS resources.
    NotRead { format: Foreign, counted: bool },
    /// Could not be read.
    Failed(String),
}

#[derive(Debug)]
pub struct Outcome {
    pub files: Vec<SourceFile>,
    pub statuses: Vec<FileStatus>,
    pub findings: Vec<Finding>,
    /// I/O problems (a file that could not be read): reported on stderr, exit code 2.
    pub errors: Vec<String>,
    /// Findings hidden by a suppression, with the reason.
    pub suppressed: Vec<Suppressed>,
    /// Findings hidden by the baseline, and baseline entries that matched nothing.
    pub baseline_hidden: usize,
    pub baseline_stale: usize,
    /// With a baseline: the findings before it was applied (what `--write-baseline` records).
    /// Empty without one (then `findings` are all of them): see [`Outcome::all_findings`].
    pub before_baseline: Vec<Finding>,
    /// Per file, findings dropped past [`MAX_FINDINGS_PER_FILE`] (display path, count).
    pub not_shown: Vec<(String, usize)>,
    /// With `--changed-since`: findings in files not changed (and not linked to a change).
    pub not_changed: usize,
    /// The rules of the run (what findings refer to).
    pub registry: Registry,
}

impl Outcome {
    /// Files not read, counted by kind (only those the summary must mention), in the order
    /// of [`Foreign::ALL`].
    pub fn not_read(&self) -> Vec<(Foreign, usize)> {
        Foreign::ALL
            .iter()
            .map(|kind| {
                let n = self
                    .statuses
                    .iter()
                    .filter(|s| {
                        matches!(s, FileStatus::NotRead { format, counted: true } if format == kind)
                    })
                    .count();
                (*kind, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Every finding, including those the baseline hid.
    pub fn all_findings(&self) -> &[Finding] {
        if self.before_baseline.is_empty() {
            &self.findings
        } else {
            &self.before_baseline
        }
    }
}

/// Which rules run on a file (indexed like the registry).
pub type Mask = Arc<[bool]>;

/// Lints `inputs` with `plan`.
pub fn run(inputs: &[Input], plan: &Plan) -> Outcome {
    run_with_progress(inputs, plan, &|| {})
}

/// Lints `inputs` with `plan`, calling `tick` after each file (from any thread): every file
/// in parallel, then [`link`] (cross-file rules), [`judge`] (suppressions, severities) and
/// [`finish`] (order, baseline).
pub fn run_with_progress(inputs: &[Input], plan: &Plan, tick: &(dyn Fn() + Sync)) -> Outcome {
    let scopes: Vec<usize> = inputs.iter().map(|i| plan.scope_of(i)).collect();
    // Which rules run on each file: most files share one of a few masks (one per scope and
    // set of matching per-file ignores), kept once each.
    let mut distinct: HashMap<(usize, Vec<usize>), Mask> = HashMap::new();
    let masks: Vec<Mask> = inputs
        .iter()
        .zip(&scopes)
        .map(|(i, &k)| {
            distinct
                .entry((k, plan.ignores_matching(i, k)))
                .or_insert_with_key(|(k, matching)| Arc::from(plan.mask_of(*k, matching)))
                .clone()
        })
        .collect();
    drop(distinct);
    // Files are linted in parallel a chunk at a time, and each chunk's results are folded into
    // the run (findings, statuses, the workspace index) before the next: what every file
    // leaves behind is never all held at once.
    let mut masks = masks;
    let mut run = Collected::new(inputs.len());
    for (c, chunk) in inputs.chunks(CHUNK).enumerate() {
        let first = c * CHUNK;
        let results: Vec<FileLint> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, input)| {
                let id = first + i;
                let rules = file::Rules {
                    mask: &masks[id],
                    options: &plan.settings(scopes[id]).options,
                };
                let r = file::lint_input(id, input, &rules, plan);
                tick();
                r
            })
            .collect();
        run.absorb(inputs, first, results);
    }
    // Files read through a `.tf` file that are no input of the run are judged like it.
    let mut scopes = scopes;
    for from in run.settle_followed() {
        masks.push(masks[from].clone());
        scopes.push(scopes[from]);
    }
    if run.workspace.has_deployments() {
        let files = &run.files;
        let by_display: HashMap<String, FileId> = files
            .iter()
            .enumerate()
            .map(|(id, f)| (crate::discover::normal_shown(&f.display), id))
            .collect();
        run.workspace
            .pair_deployments(&|id| files.get(id).map(|f| f.display.clone()), &|display| {
                by_display.get(display).copied()
            });
    }
    let workspace = std::mem::take(&mut run.workspace);
    run.findings.extend(link(&workspace, plan, &masks));
    drop(workspace);

    // Only the files asked about are reported on (`--changed-since`), and what a change to
    // them breaks elsewhere: a finding in an unchanged service that follows a link into a
    // changed task definition (a renamed container, a removed port) is reported too.
    let mut reported: Vec<bool> = inputs.iter().map(|i| plan.reported(i)).collect();
    for e in &run.extras {
        reported.push(reported[e.from]);
    }
    let before = run.findings.len();
    run.findings.retain(|f| {
        f.files()
            .any(|id| reported.get(id).copied().unwrap_or(false))
    });
    let not_changed = before - run.findings.len();
    ensure_text(&mut run.files, inputs, &run.findings);
    let suppressed = judge(&mut run, inputs, plan, &scopes, &masks, &reported);
    let mut outcome = finish(run, suppressed, plan);
    outcome.not_changed = not_changed;
    outcome
}

/// What the per-file pass left, gathered in file order.
struct Collected {
    files: Vec<SourceFile>,
    statuses: Vec<FileStatus>,
    comments: Vec<Vec<FileSuppression>>,
    findings: Vec<Finding>,
    /// Every file's linked resources, indexed as they arrive (in file order).
    workspace: Workspace,
    errors: Vec<String>,
    not_shown: Vec<(String, usize)>,
    /// Findings made in files read through a `.tf` file ([`followed`]), until the end.
    followed: Vec<Finding>,
    /// Those files that are no input of the run: their ids follow the inputs'.
    extras: Vec<Extra>,
    /// The inputs' ids by path as shown, built when a file is first followed.
    by_display: Option<HashMap<String, FileId>>,
}

/// A file read through a `.tf` file that is no input of the run.
struct Extra {
    display: String,
    /// Moved into the file table at the end.
    file: Option<SourceFile>,
    path: PathBuf,
    /// The `.tf` file it was read through (its settings apply).
    from: FileId,
}

/// How many files are linted in parallel before their results are folded into the run.
const CHUNK: usize = 2048;

impl Collected {
    fn new(files: usize) -> Collected {
        Collected {
            files: Vec::with_capacity(files),
            statuses: Vec::with_capacity(files),
            comments: Vec::with_capacity(files),
            findings: Vec::new(),
            workspace: Workspace::default(),
            errors: Vec::new(),
            not_shown: Vec::new(),
            followed: Vec::new(),
            extras: Vec::new(),
            by_display: None,
        }
    }

    /// Folds the results of the next files (`all[first..]`, in order) into the run.
    fn absorb(&mut self, all: &[Input], first: usize, results: Vec<FileLint>) {
        let inputs = all.get(first..).unwrap_or_default();
        for (i, (input, mut r)) in inputs.iter().zip(results).enumerate() {
            if !r.followed.is_empty() {
                let followed = std::mem::take(&mut r.followed);
                self.take_followed(all, first + i, followed, &mut r.findings);
            }
            if r.not_shown > 0 {
                self.not_shown.push((input.display.clone(), r.not_shown));
            }
            if let FileStatus::Failed(msg) = &r.status {
                self.errors.push(format!("{}: {msg}", input.display));
            }
            self.files.push(SourceFile {
                display: input.display.clone(),
                text: r.text,
                lines: r.lines,
                secrets: r.secrets,
                too_large: r.too_large,
                parsed: r.parsed,
            });
            self.statuses.push(r.status);
            self.comments.push(r.comments);
            self.findings.extend(r.findings);
            if !r.linked.is_empty() {
                let file = self.files.len() - 1;
                self.workspace.add_file(file, &input.display);
            }
            for l in r.linked {
                self.workspace.add(l);
            }
        }
    }

    /// Gives each file read through the `.tf` file `from` its id (an input's, or a new one
    /// after the inputs when a finding points into it), points the findings and labels made in
    /// them there (`own`: the `.tf` file's findings, whose labels may), and keeps the findings
    /// for [`Collected::settle_followed`].
    fn take_followed(
        &mut self,
        all: &[Input],
        from: FileId,
        followed: Vec<followed::FollowedFile>,
        own: &mut [Finding],
    ) {
        let by_display = self.by_display.get_or_insert_with(|| {
            all.iter()
                .enumerate()
                .map(|(id, i)| (crate::discover::normal_shown(&i.display), id))
                .collect()
        });
        let labelled: HashSet<FileId> = (own.iter())
            .chain(followed.iter().flat_map(|f| f.findings.iter()))
            .flat_map(|f| f.labels.iter().map(|l| l.file))
            .collect();
        let mut ids = Vec::with_capacity(followed.len());
        let mut made = Vec::new();
        for (k, f) in followed.into_iter().enumerate() {
            let needed = !f.findings.is_empty() || labelled.contains(&followed::provisional(k));
            let id = match by_display.get(&crate::discover::normal_shown(&f.display)) {
                Some(&id) => id,
                None => match self.extras.iter().position(|e| e.display == f.display) {
                    Some(j) => all.len() + j,
                    None if needed => {
                        self.extras.push(Extra {
                            display: f.display.clone(),
                            file: Some(SourceFile {
                                display: f.display,
                                text: Some(f.text),
                                lines: Some(f.lines),
                                secrets: f.secrets,
                                too_large: false,
                                parsed: true,
                            }),
                            path: f.path,
                            from,
                        });
                        all.len() + self.extras.len() - 1
                    }
                    None => continue,
                },
            };
            while ids.len() < k {
                ids.push(from);
            }
            ids.push(id);
            made.extend(f.findings);
        }
        let real = |id: FileId| {
            followed::provisional_index(id)
                .and_then(|k| ids.get(k).copied())
                .unwrap_or(id)
        };
        for f in own.iter_mut() {
            for l in &mut f.labels {
                l.file = real(l.file);
            }
        }
        for mut f in made {
            f.file = real(f.file);
            for l in &mut f.labels {
                l.file = real(l.file);
            }
            f.related([from]);
            self.followed.push(f);
        }
    }

    /// After every file: the findings made in followed files join the run (one per rule and
    /// place: made with the task definition around them, they replace those the file made on
    /// its own), and the followed files that are no input join the file table. Returns, for
    /// each of those, the `.tf` file it was read through.
    fn settle_followed(&mut self) -> Vec<FileId> {
        let mut made = std::mem::take(&mut self.followed);
        let key = |f: &Finding| (f.file, f.span, f.rule.index());
        made.sort_by(|a, b| (key(a), &a.message).cmp(&(key(b), &b.message)));
        made.dedup_by(|a, b| key(a) == key(b) && a.message == b.message);
        let keys: HashSet<(FileId, Span, usize)> = made.iter().map(key).collect();
        self.findings.retain(|f| !keys.contains(&key(f)));
        self.findings.extend(made);
        let mut from = Vec::with_capacity(self.extras.len());
        for e in &mut self.extras {
            // Not a file of the run's statuses: it was read as part of the `.tf` file.
            if let Some(file) = e.file.take() {
                self.files.push(file);
                self.comments.push(Vec::new());
            }
            from.push(e.from);
        }
        from
    }
}

/// Runs the cross-file rules over the workspace every file's linked resources were added to
/// ([`Workspace::add`]), each enabled for the files it reports on (`masks`, one per file).
pub fn link(ws: &Workspace, plan: &Plan, masks: &[Mask]) -> Vec<Finding> {
    let mut cross = Vec::new();
    for rule in plan.registry.iter() {
        if let Check::Workspace(f) = rule.check {
            let i = rule.index();
            if (0..=plan.scopes.len()).any(|k| plan.settings(k).enabled[i]) {
                let mut sink = Sink {
                    rule,
                    file: 0,
                    resource: None,
                    doc: None,
                    within: None,
                    options: plan.rules.options.get(i).and_then(Option::as_ref),
                    out: &mut cross,
                };
                f(ws, &mut sink);
            }
        }
    }
    cross.retain(|f| {
        masks
            .get(f.file)
            .and_then(|m| m.get(f.rule.index()))
            .copied()
            .unwrap_or(false)
    });
    cross
}

/// Applies suppressions (config entries and YAML comments; unused, expired and invalid ones
/// become findings themselves, in the configuration file or the file that holds them) and
/// each file's configured severities.
fn judge(
    run: &mut Collected,
    inputs: &[Input],
    plan: &Plan,
    scopes: &[usize],
    masks: &[Mask],
    reported: &[bool],
) -> Vec<Suppressed> {
    // Each configuration's entries apply to the files of its scope.
    let configs: Vec<suppress::ConfigView<'_>> = (0..=plan.scopes.len())
        .map(|k| {
            let settings = plan.settings(k);
            suppress::ConfigView {
                display: settings
                    .config_file
                    .as_ref()
                    .map_or(".ecslint.toml", |(d, _)| d.as_str()),
                entries: &settings.suppressions,
                enabled: &settings.enabled,
            }
        })
        .collect();
    let views: Vec<FileView<'_>> = inputs
        .iter()
        .enumerate()
        .map(|(id, input)| FileView {
            display: &input.display,
            path: input.path.as_deref(),
            comments: &run.comments[id],
            mask: &masks[id],
            judged: reported[id] && run.statuses[id].linted(),
            scope: scopes[id],
        })
        .chain(run.extras.iter().enumerate().map(|(j, e)| {
            let id = inputs.len() + j;
            FileView {
                display: &e.display,
                path: Some(e.path.as_path()),
                comments: &run.comments[id],
                mask: &masks[id],
                judged: reported[id],
                scope: scopes[id],
            }
        }))
        .collect();
    let files = &run.files;
    let line_of = |f: &Finding| files[f.file].position(f.span.start).line;
    let applied = suppress::apply(
        &mut run.findings,
        &views,
        &line_of,
        &configs,
        &plan.registry,
        plan.today,
    );
    // The file id of each configuration file that a finding points into, added on demand.
    let mut config_ids: Vec<Option<FileId>> = vec![None; configs.len()];
    for (rule, at, span, message, help) in applied.meta {
        let i = rule.index();
        let file = match at {
            suppress::At::File(id) if masks[id][i] => id,
            suppress::At::File(_) => continue,
            suppress::At::Config(k) if plan.settings(k).enabled[i] => {
                match (config_ids[k], plan.settings(k).config_file.as_ref()) {
                    (Some(id), _) => id,
                    (None, Some((display, text))) => {
                        run.files
                            .push(SourceFile::with_text(display.clone(), text.clone()));
                        config_ids[k] = Some(run.files.len() - 1);
                        run.files.len() - 1
                    }
                    (None, None) => continue,
                }
            }
            suppress::At::Config(_) => continue,
        };
        let mut sink = Sink {
            rule: &rule,
            file,
            resource: None,
            doc: None,
            within: None,
            options: None,
            out: &mut run.findings,
        };
        sink.report(span, message).help(help);
    }
    ensure_text(&mut run.files, inputs, &run.findings);

    // Severities as configured for the file's scope (a configuration file's own findings
    // take its scope's).
    let scope_of_file = |id: FileId| -> usize {
        scopes
            .get(id)
            .copied()
            .unwrap_or_else(|| config_ids.iter().position(|c| *c == Some(id)).unwrap_or(0))
    };
    let severity_of = |f: &Finding| {
        plan.settings(scope_of_file(f.file))
            .severity
            .get(f.rule.index())
            .copied()
            .unwrap_or(f.severity)
    };
    for f in &mut run.findings {
        f.severity = severity_of(f);
    }
    let mut suppressed = applied.suppressed;
    for s in &mut suppressed {
        s.finding.severity = severity_of(&s.finding);
    }
    suppressed
}

/// Sorts findings by file, position and rule (output is then the same whatever the thread
/// count), and applies the baseline.
fn finish(run: Collected, mut suppressed: Vec<Suppressed>, plan: &Plan) -> Outcome {
    let Collected {
        files,
        statuses,
        mut findings,
        errors,
        not_shown,
        ..
    } = run;
    let by_position = |a: &Finding, b: &Finding| {
        (
            files[a.file].display.as_str(),
            a.span,
            &a.rule.code,
            &a.message,
        )
            .cmp(&(
                files[b.file].display.as_str(),
                b.span,
                &b.rule.code,
                &b.message,
            ))
    };
    findings.sort_by(by_position);
    suppressed.sort_by(|a, b| by_position(&a.finding, &b.finding));
    let before_baseline = if plan.baseline.is_some() {
        findings.clone()
    } else {
        Vec::new()
    };
    let (baseline_hidden, baseline_stale) = match &plan.baseline {
        Some(b) => b.apply(&mut findings, &files),
        None => (0, 0),
    };
    Outcome {
        files,
        statuses,
        findings,
        errors,
        suppressed,
        baseline_hidden,
        baseline_stale,
        before_baseline,
        not_shown,
        not_changed: 0,
        registry: plan.registry.clone(),
    }
}

/// Files a finding points into must have their text for rendering. A file whose text was
/// dropped after a clean per-file pass (it is only the target of a cross-file finding, or holds
/// an unused suppression) is read once more here: the cold path, for the few files with
/// findings. Secrets are masked again.
fn ensure_text(files: &mut [SourceFile], inputs: &[Input], findings: &[Finding]) {
    let mut needed: Vec<FileId> = findings
        .iter()
        .flat_map(|f| std::iter::once(f.file).chain(f.labels.iter().map(|l| l.file)))
        .filter(|&id| id < inputs.len() && files[id].lines.is_none() && !files[id].too_large)
        .collect();
    needed.sort_unstable();
    needed.dedup();
    type ReadBack = (FileId, Option<Arc<str>>, Option<Box<LineIndex>>);
    let loaded: Vec<ReadBack> = needed
        .par_iter()
        .map(|&id| {
            // Standard input is never read back from a path (the name given is only a label).
            let text = files[id].text.clone().or_else(|| {
                let raw = match &inputs[id].stdin {
                    Some(text) => Some(text.clone()),
                    None => inputs[id]
                        .path
                        .as_ref()
                        .and_then(|p| std::fs::read_to_string(p).ok()),
                };
                raw.map(|t| file::masked(&t, &files[id].secrets, files[id].parsed))
            });
            let lines = text.as_deref().map(|t| Box::new(LineIndex::new(t)));
            (id, text, lines)
        })
        .collect();
    for (id, text, lines) in loaded {
        files[id].text = text;
        files[id].lines = lines;
    }
}
