//! Discover: which files to read. Directories are walked honouring `.gitignore` (the `ignore`
//! crate); include/exclude globs (globset) come from the command line and the config file.
//! Explicitly named files are always read. Nothing outside the given paths is read.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// A file to lint.
#[derive(Clone, Debug)]
pub struct Input {
    /// The path as shown in output: relative, as given or as found under a given directory.
    pub display: String,
    /// Where to read it (`None` for standard input).
    pub path: Option<PathBuf>,
    /// The text of standard input.
    pub stdin: Option<String>,
    /// Named on the command line (or stdin): always read, parse errors always reported.
    pub explicit: bool,
    /// Matched an include glob: parse errors always reported.
    pub claimed: bool,
    /// What files this one names may be read from (a `.tf` file's `file("…")`): the
    /// repository holding the path given on the command line, or that path (a directory, or
    /// a file's directory) when it is in none; canonical. `None`: nothing is followed.
    pub bound: Option<Arc<Path>>,
}

/// The path of `rel` (a path a file names, relative to its directory) as shown, `shown_dir`
/// being that directory as shown: `infra/tf` and `../defs/a.json` give `infra/defs/a.json`.
pub fn join_shown(shown_dir: &Path, rel: &str) -> String {
    use std::path::Component;
    let mut parts: Vec<String> = Vec::new();
    let absolute = shown_dir.is_absolute() || rel.starts_with('/');
    for part in shown_dir.join(rel).components() {
        match part {
            Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// A path as shown, with `.` and `..` taken away the way [`join_shown`] does: what paths
/// as shown are compared by (`/repo/../x/a.json` is `/x/a.json`).
pub fn normal_shown(display: &str) -> String {
    join_shown(Path::new(""), display)
}

/// Whether `path` (a symbolic link) leads to a file within `bound`.
#[cfg(feature = "cli")]
fn within(path: &Path, bound: Option<&Path>) -> bool {
    match (std::fs::canonicalize(path), bound) {
        (Ok(real), Some(bound)) => real.starts_with(bound),
        _ => false,
    }
}

/// The bound of the files found under `given` ([`Input::bound`]).
pub fn bound_of(given: &Path) -> Option<Arc<Path>> {
    let dir = if given.is_dir() {
        given
    } else {
        given
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let dir = std::fs::canonicalize(dir).ok()?;
    let repo = dir.ancestors().find(|a| a.join(".git").exists());
    Some(Arc::from(repo.unwrap_or(&dir)))
}

/// Globs relative to a base directory.
#[derive(Clone, Debug)]
pub struct GlobList {
    set: GlobSet,
    base: PathBuf,
    empty: bool,
}

impl GlobList {
    pub fn new(patterns: &[String], base: &Path) -> Result<GlobList, String> {
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            let glob = Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?;
            b.add(glob);
            // A bare directory name also excludes what is inside it.
            if !p.contains('*') && !p.ends_with('/') {
                if let Ok(g) = Glob::new(&format!("{}/**", p.trim_end_matches('/'))) {
                    b.add(g);
                }
            }
        }
        let set = b.build().map_err(|e| format!("invalid globs: {e}"))?;
        Ok(GlobList {
            set,
            base: base.to_path_buf(),
            empty: patterns.is_empty(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Whether `path` (absolute) matches, relative to the base, or by its file name alone.
    pub fn matches(&self, path: &Path) -> bool {
        if self.empty {
            return false;
        }
        let rel = path.strip_prefix(&self.base).unwrap_or(path);
        self.set.is_match(rel)
            || path
                .file_name()
                .is_some_and(|n| self.set.is_match(Path::new(n)))
    }
}

/// Include and exclude globs from all sources.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    pub include: Vec<GlobList>,
    pub exclude: Vec<GlobList>,
}

impl Filters {
    pub fn has_include(&self) -> bool {
        self.include.iter().any(|g| !g.is_empty())
    }

    pub fn included(&self, abs: &Path) -> bool {
        self.include.iter().any(|g| g.matches(abs))
    }

    pub fn excluded(&self, abs: &Path) -> bool {
        self.exclude.iter().any(|g| g.matches(abs))
    }

    /// Whether a file found while walking is a candidate, and whether an include glob claims it.
    pub fn candidate(&self, abs: &Path) -> Option<bool> {
        if self.excluded(abs) {
            return None;
        }
        if self.has_include() {
            return self.included(abs).then_some(true);
        }
        let ext = abs
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        // `.template`: CloudFormation's own extension for JSON and YAML templates.
        let wanted = matches!(ext.as_deref(), Some("json" | "yaml" | "yml" | "template"))
            || ext
                .as_deref()
                .is_some_and(|e| crate::classify::FOREIGN_EXTENSIONS.contains(&e));
        wanted.then_some(false)
    }
}

/// What discovery found, and the paths it could not use.
#[derive(Debug, Default)]
pub struct Discovered {
    pub inputs: Vec<Input>,
    pub errors: Vec<String>,
}

/// `path` made absolute and lexically normal (`a/../b` → `b`), so that which directory holds
/// a file (its configuration, its globs) does not depend on how the path was spelt.
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    normalised(abs)
}

/// [`absolute`], relative to `cwd` (an absolute directory) instead of asking the system for
/// the current directory: a walk over 100,000 files asks once.
pub fn absolute_in(cwd: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        normalised(path.to_path_buf())
    } else {
        normalised(cwd.join(path))
    }
}

fn normalised(abs: PathBuf) -> PathBuf {
    // Most paths hold no `.` or `..` component: nothing to normalise.
    if !abs
        .as_os_str()
        .as_encoded_bytes()
        .windows(2)
        .any(|w| w == b"/.")
    {
        return abs;
    }
    let mut out = PathBuf::new();
    for part in abs.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(feature = "cli")]
fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// Expands `paths` into files. `-` (standard input) is handled by the caller.
#[cfg(feature = "cli")]
pub fn discover(paths: &[PathBuf], filters: &Filters) -> Discovered {
    let mut out = Discovered::default();
    for path in paths {
        if path.is_file() {
            out.inputs.push(Input {
                display: display(path),
                path: Some(absolute(path)),
                stdin: None,
                explicit: true,
                claimed: filters.included(&absolute(path)),
                bound: bound_of(path),
            });
        } else if path.is_dir() {
            walk(path, filters, bound_of(path), &mut out);
        } else if path.exists() {
            out.errors
                .push(format!("{}: not a file or directory", path.display()));
        } else {
            out.errors
                .push(format!("{}: no such file or directory", path.display()));
        }
    }
    out.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    out.inputs.dedup_by(|a, b| a.display == b.display);
    out
}

/// Walks `root` on all cores (the `ignore` crate's parallel walker); the caller sorts.
#[cfg(feature = "cli")]
fn walk(root: &Path, filters: &Filters, bound: Option<Arc<Path>>, out: &mut Discovered) {
    let exclude = filters.clone();
    let cwd = absolute(Path::new("."));
    let cwd_for_filter = cwd.clone();
    let found = std::sync::Mutex::new(Discovered::default());
    ignore::WalkBuilder::new(root)
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && e.file_name() == ".git" {
                return false;
            }
            !(is_dir && e.depth() > 0 && exclude.excluded(&absolute_in(&cwd_for_filter, e.path())))
        })
        .threads(rayon::current_num_threads())
        .build_parallel()
        .run(|| {
            let found = &found;
            let cwd = &cwd;
            let bound = &bound;
            Box::new(move |entry| {
                let mut local = Vec::new();
                let mut error = None;
                match entry {
                    Err(e) => error = Some(e.to_string()),
                    // Regular files, and symbolic links to files within the bound (links to
                    // directories are not followed, so a link loop cannot trap the walk; a
                    // link out of the repository is not read).
                    Ok(entry)
                        if entry.file_type().is_some_and(|t| t.is_file())
                            || (entry.path_is_symlink()
                                && entry.path().is_file()
                                && within(entry.path(), bound.as_deref())) =>
                    {
                        let abs = absolute_in(cwd, entry.path());
                        if let Some(claimed) = filters.candidate(&abs) {
                            local.push(Input {
                                display: display(entry.path()),
                                path: Some(abs),
                                stdin: None,
                                explicit: false,
                                claimed,
                                bound: bound.clone(),
                            });
                        }
                    }
                    Ok(_) => {}
                }
                if let Ok(mut f) = found.lock() {
                    f.inputs.extend(local);
                    f.errors.extend(error);
                }
                ignore::WalkState::Continue
            })
        });
    if let Ok(f) = found.into_inner() {
        out.inputs.extend(f.inputs);
        let mut errors = f.errors;
        errors.sort();
        out.errors.extend(errors);
    }
}

/// The files changed since the git revision `rev` (committed, staged, unstaged or untracked),
/// as canonical absolute paths, for `--changed-since`. Each of `paths` is looked up in the
/// repository that holds it, so ecslint may run from outside the repository (or over several).
pub fn changed_since(
    rev: &str,
    paths: &[PathBuf],
) -> Result<std::collections::HashSet<PathBuf>, String> {
    let git = |cwd: &Path, args: &[&str]| -> Result<String, String> {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(cwd)
            .output()
            .map_err(|e| format!("--changed-since needs git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "--changed-since {rev}: git {} failed in {}: {}",
                args.join(" "),
                cwd.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let mut roots: Vec<PathBuf> = Vec::new();
    for path in paths {
        let abs = absolute(path);
        let dir = if abs.is_dir() {
            abs
        } else {
            abs.parent().map(Path::to_path_buf).unwrap_or(abs)
        };
        let root = PathBuf::from(
            git(&dir, &["rev-parse", "--show-toplevel"])?.trim_end_matches(['\n', '\r']),
        );
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    let mut set = std::collections::HashSet::new();
    for root in &roots {
        let diff = git(root, &["diff", "--name-only", "-z", rev, "--"])?;
        let untracked = git(
            root,
            &[
                "ls-files",
                "--others",
                "--exclude-standard",
                "--full-name",
                "-z",
            ],
        )?;
        for name in diff
            .split('\0')
            .chain(untracked.split('\0'))
            .filter(|n| !n.is_empty())
        {
            let path = root.join(name);
            set.insert(std::fs::canonicalize(&path).unwrap_or(path));
        }
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_paths_are_joined_and_normalised() {
        assert_eq!(
            join_shown(Path::new("infra"), "defs/a.json"),
            "infra/defs/a.json"
        );
        assert_eq!(
            join_shown(Path::new("infra/tf"), "../defs/a.json"),
            "infra/defs/a.json"
        );
        assert_eq!(join_shown(Path::new(""), "./a.json"), "a.json");
        assert_eq!(join_shown(Path::new(".."), "../a.json"), "../../a.json");
        assert_eq!(join_shown(Path::new("/r/x"), "a.json"), "/r/x/a.json");
        assert_eq!(normal_shown("/r/../x/./a.json"), "/x/a.json");
        assert_eq!(normal_shown("a/b/../c.json"), "a/c.json");
    }

    #[test]
    fn globs_match_relative_to_their_base_and_by_name() {
        let g = GlobList::new(
            &["legacy/**".into(), "*.tpl".into(), "vendor".into()],
            Path::new("/repo"),
        )
        .expect("globs");
        assert!(g.matches(Path::new("/repo/legacy/a.json")));
        assert!(!g.matches(Path::new("/repo/src/legacy.json")));
        assert!(g.matches(Path::new("/repo/x/y/task.tpl")));
        assert!(g.matches(Path::new("/repo/vendor/a.json")));
    }
}
