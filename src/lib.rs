//! ecslint: a static linter and policy checker for Amazon ECS configurations.
//!
//! The pipeline, in the order data flows: [`discover`] → [`load`] → [`model`] (recognise) →
//! [`link`] → [`checks`] (rules) via the [`engine`] → [`report`].
//!
//! Linting text in-process, as the CLI does for standard input:
//!
//! ```
//! use ecslint::discover::Input;
//! use ecslint::engine::{run, Plan};
//! use ecslint::rule::Profile;
//!
//! let task = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [
//!     {"name": "web", "image": "nginx:1.27", "memory": 512,
//!      "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}"#;
//! let input = Input {
//!     display: "task.json".into(),
//!     path: None,
//!     stdin: Some(task.into()),
//!     explicit: true,
//!     claimed: false,
//!     bound: None,
//! };
//! // The rules `ecslint check` runs by default (`Plan::all()` runs every rule).
//! let outcome = run(&[input], &Plan::profile(Profile::Recommended));
//! assert_eq!(outcome.findings.len(), 1);
//! assert_eq!(outcome.findings[0].rule.name, "host-port-mismatch");
//! let at = outcome.files[0].position(outcome.findings[0].span.start);
//! assert_eq!((at.line, at.column), (3, 57)); // under `8080`
//! ```

pub mod checks;
pub mod classify;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod discover;
pub mod domain;
pub mod engine;
pub mod finding;
#[doc(hidden)]
pub mod fuzzing;
pub mod link;
pub mod load;
pub mod model;
pub mod report;
pub mod rule;
pub mod secrets;
pub mod span;
pub mod structure;
pub mod suppress;
