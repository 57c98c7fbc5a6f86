//! Validation failures as the user sees them: one message code per field, in form order.

use serde::{Deserialize, Serialize};
use validator::ValidationErrors;

/// The key under which `validator` files errors of `#[validate(schema(...))]` functions.
const STRUCT_LEVEL: &str = "__all__";
/// The parameter a struct-level rule sets to name the form field its message belongs to.
pub const FIELD_PARAM: &str = "field";
/// The parameter a rule sets to number its message (see [`FieldError::n`]).
pub const ORDINAL_PARAM: &str = "n";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's name, which is also its input's `id` (the error summary links to it).
    pub field: String,
    /// The message code; the catalogue holds it as `error-<code>`.
    pub code: String,
    /// Which one of several alike groups the field belongs to (contact person 1, 2, 3), passed
    /// to the message as `$n` so the summary never shows two identical lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

impl FieldError {
    pub fn message_id(&self) -> String {
        format!("error-{}", self.code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// The first failure of each field, ordered as the fields appear in the form, so the error
    /// summary reads in the same order as the page.
    pub fn from_validation(errors: &ValidationErrors, form_order: &[&str]) -> FieldErrors {
        let mut found: Vec<FieldError> = Vec::new();
        for (key, failures) in errors.field_errors() {
            for failure in failures.iter() {
                let field = if key == STRUCT_LEVEL {
                    match failure.params.get(FIELD_PARAM).and_then(|v| v.as_str()) {
                        Some(field) => field.to_owned(),
                        None => STRUCT_LEVEL.to_owned(),
                    }
                } else {
                    key.to_string()
                };
                if found.iter().all(|e| e.field != field) {
                    let n = failure
                        .params
                        .get(ORDINAL_PARAM)
                        .and_then(|v| v.as_u64())
                        .and_then(|n| u32::try_from(n).ok());
                    found.push(FieldError {
                        field,
                        code: failure.code.to_string(),
                        n,
                    });
                }
            }
        }
        FieldErrors(in_form_order(found, form_order))
    }

    /// One error, for a check made outside `validator` (an upload, a step out of order).
    pub fn single(field: &str, code: &str) -> FieldErrors {
        FieldErrors(vec![FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            n: None,
        }])
    }

    /// Adds a failure found by a rule that spans several fields (at most one per field).
    pub fn add(&mut self, field: &str, code: &str, n: Option<u32>) {
        if self.0.iter().all(|e| e.field != field) {
            self.0.push(FieldError {
                field: field.to_owned(),
                code: code.to_owned(),
                n,
            });
        }
    }

    /// Puts the failures in the order of the fields on the page.
    pub fn sort_by_order(&mut self, form_order: &[&str]) {
        self.0 = in_form_order(std::mem::take(&mut self.0), form_order);
    }

    /// Every failure of `other` too.
    pub fn extend(&mut self, other: FieldErrors) {
        for error in other.0 {
            if self.0.iter().all(|e| e.field != error.field) {
                self.0.push(error);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The errors of these fields only: a form that asks part of a step.
    pub fn only(&self, fields: &[&str]) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .filter(|e| fields.contains(&e.field.as_str()))
                .cloned()
                .collect(),
        )
    }

    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// These errors with `field`'s entry taken from `fresh`: used to re-check one field as the
    /// person leaves it, without showing messages for fields not reached yet.
    pub fn with_field_from(
        &self,
        fresh: &FieldErrors,
        field: &str,
        form_order: &[&str],
    ) -> FieldErrors {
        let mut merged: Vec<FieldError> = self
            .0
            .iter()
            .filter(|e| e.field != field)
            .cloned()
            .collect();
        merged.extend(fresh.for_field(field).cloned());
        FieldErrors(in_form_order(merged, form_order))
    }
}

/// `errors` in the order of their fields in `form_order`, those of fields not in it last, each
/// group as it came. Picked field by field rather than sorted: a form has a few dozen fields at
/// most, and a sort's code would be instantiated in the browser's WASM for each key (about
/// 4 KiB each).
fn in_form_order(errors: Vec<FieldError>, form_order: &[&str]) -> Vec<FieldError> {
    let mut ordered = Vec::with_capacity(errors.len());
    for field in form_order {
        ordered.extend(errors.iter().filter(|e| e.field == *field).cloned());
    }
    ordered.extend(
        errors
            .into_iter()
            .filter(|e| !form_order.contains(&e.field.as_str())),
    );
    ordered
}

/// Failures gathered one by one (a subset of others), at most one per field.
impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(errors: I) -> FieldErrors {
        let mut all = FieldErrors::default();
        for error in errors {
            all.add(&error.field, &error.code, error.n);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(pairs: &[(&str, &str)]) -> FieldErrors {
        FieldErrors(
            pairs
                .iter()
                .map(|(field, code)| FieldError {
                    field: (*field).to_owned(),
                    code: (*code).to_owned(),
                    n: None,
                })
                .collect(),
        )
    }

    #[test]
    fn failures_follow_the_form_and_unknown_fields_come_last_as_they_came() {
        let mut found = errors(&[("z", "1"), ("c", "2"), ("y", "3"), ("a", "4")]);
        found.sort_by_order(&["a", "b", "c"]);
        assert_eq!(
            found,
            errors(&[("a", "4"), ("c", "2"), ("z", "1"), ("y", "3")])
        );
    }

    #[test]
    fn merging_one_field_keeps_the_others_and_the_form_order() {
        let order = ["a", "b", "c"];
        let shown = errors(&[("b", "old")]);
        let fresh = errors(&[("a", "x"), ("b", "y"), ("c", "z")]);
        assert_eq!(
            shown.with_field_from(&fresh, "a", &order),
            errors(&[("a", "x"), ("b", "old")])
        );
        assert_eq!(
            shown.with_field_from(&errors(&[]), "b", &order),
            errors(&[])
        );
    }
}
