//! The wizard mechanism every procedure uses: questions described as data and rendered with the
//! accessible fields, the progress list and the review list.

mod progress;
mod questions;
mod review;

pub use progress::{ProgressItem, StepProgress, StepState};
pub use questions::{Control, Question, Section, StepFields};
pub use review::{ReviewRow, ReviewSection};
