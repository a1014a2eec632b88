//! Backoffice at real sizes: a seeded generator of a realistic Italian company, the benchmark
//! suite (one table of figures, each against its goal), and the crash-safety writer.

pub mod company;
pub mod crash;
pub mod generate;
pub mod import_bench;
pub mod people;
pub mod rng;
pub mod staff_csv;
pub mod stats;
pub mod suite;
