//! What every wizard step shares: its answers travel and are stored as a flat map of field name
//! to text (what an HTML form posts), and become the step's typed struct only to be checked.

use std::collections::BTreeMap;

use serde::de::value::MapDeserializer;
use serde::de::DeserializeOwned;
use serde::Serialize;
use validator::Validate;

use super::FieldErrors;

/// A step's answers as the form has them: field name to text (checkboxes: `on` or absent).
pub type StepValues = BTreeMap<String, String>;

/// The value a ticked checkbox posts.
pub const CHECKED: &str = "on";

/// One step's form: a struct of text fields with `validator` rules, the same in the browser and
/// on the server.
pub trait StepForm: Serialize + DeserializeOwned + Validate + Default {
    /// The inputs in page order (the error summary's order); group ids included.
    const ORDER: &'static [&'static str];

    /// The answers to store once every rule passed, in their canonical spelling (`L-1660`).
    fn canonical(&self) -> StepValues {
        to_values(self)
    }

    fn field_errors(&self) -> FieldErrors {
        match self.validate() {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from_validation(&errors, Self::ORDER),
        }
    }
}

/// The struct's fields as the form's map; empty answers are left out.
pub fn to_values<T: Serialize>(form: &T) -> StepValues {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(form) else {
        return StepValues::new();
    };
    map.into_iter()
        .filter_map(|(key, value)| match value {
            serde_json::Value::String(text) if !text.is_empty() => Some((key, text)),
            _ => None,
        })
        .collect()
}

/// The map as a form's struct: unknown names are ignored, missing ones are empty. Read
/// straight from the map by serde (no JSON in between: the browser's check runs this too).
pub fn from_values<T: DeserializeOwned + Default>(values: &StepValues) -> T {
    let fields = values
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()));
    T::deserialize(MapDeserializer::<_, serde::de::value::Error>::new(fields)).unwrap_or_default()
}

/// The step's answers checked: canonical values to store, or every message to show.
pub fn check<T: StepForm>(values: &StepValues) -> Result<StepValues, FieldErrors> {
    let form: T = from_values(values);
    let errors = form.field_errors();
    if errors.is_empty() {
        Ok(form.canonical())
    } else {
        Err(errors)
    }
}

/// Every message the step's answers get, and nothing else: what the browser needs, without
/// the canonical spelling the server stores.
pub fn errors<T: StepForm>(values: &StepValues) -> FieldErrors {
    from_values::<T>(values).field_errors()
}

/// Whether a checkbox answer is ticked.
pub fn is_checked(value: &str) -> bool {
    value == CHECKED
}

/// A form's answers from `(name, text)` pairs: the tests' way to write what a browser posts.
#[cfg(test)]
pub fn values_of(pairs: &[(&str, &str)]) -> StepValues {
    pairs
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect()
}
