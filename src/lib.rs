//! ecslint: a static linter and policy checker for Amazon ECS configurations.
//!
//! The pipeline, in the order data flows: [`discover`] → [`load`] → [`model`] (recognise) →
//! [`link`] → [`checks`] (rules) via the [`engine`] → [`report`].

pub mod checks;
pub mod cli;
pub mod config;
pub mod discover;
pub mod engine;
pub mod finding;
pub mod link;
pub mod load;
pub mod model;
pub mod report;
pub mod rule;
pub mod span;
