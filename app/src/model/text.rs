//! Rules shared by every free-text answer: required, a length limit, and no markup.

use validator::ValidationError;

/// Characters refused in names and addresses: no legitimate company name or street needs
/// them, and refusing them keeps pasted markup (`<script>`) out of letters and PDFs.
const MARKUP: [char; 2] = ['<', '>'];

/// The message codes of one text field: `<field>-required`, `<field>-too-long` and
/// `<field>-markup`. Each names its field, so the error summary never lists two identical lines.
pub struct TextRule {
    pub required: &'static str,
    pub too_long: &'static str,
    pub markup: &'static str,
    pub max_chars: usize,
}

impl TextRule {
    pub fn check(&self, value: &str) -> Result<(), ValidationError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ValidationError::new(self.required));
        }
        if value.chars().count() > self.max_chars {
            let mut error = ValidationError::new(self.too_long);
            error.add_param("max".into(), &self.max_chars);
            return Err(error);
        }
        if value.contains(MARKUP) {
            return Err(ValidationError::new(self.markup));
        }
        Ok(())
    }

    /// The same limits for an answer that may be left empty.
    pub fn check_optional(&self, value: &str) -> Result<(), ValidationError> {
        if value.trim().is_empty() {
            Ok(())
        } else {
            self.check(value)
        }
    }
}

/// A rule whose codes are `<prefix>-required`, `<prefix>-too-long` and `<prefix>-markup`.
#[macro_export]
macro_rules! text_rule {
    ($prefix:literal, $max:expr) => {
        $crate::model::text::TextRule {
            required: concat!($prefix, "-required"),
            too_long: concat!($prefix, "-too-long"),
            markup: concat!($prefix, "-markup"),
            max_chars: $max,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: TextRule = TextRule {
        required: "x-required",
        too_long: "x-too-long",
        markup: "x-markup",
        max_chars: 5,
    };

    fn code(value: &str) -> Option<String> {
        RULE.check(value).err().map(|e| e.code.to_string())
    }

    #[test]
    fn empty_blank_long_and_markup_are_refused_each_with_its_code() {
        assert_eq!(code(""), Some("x-required".into()));
        assert_eq!(code("   "), Some("x-required".into()));
        assert_eq!(code("abcdef"), Some("x-too-long".into()));
        assert_eq!(code("<b>"), Some("x-markup".into()));
        assert_eq!(code(" ab>c "), Some("x-markup".into()));
    }

    #[test]
    fn length_counts_characters_not_bytes_and_ignores_outer_spaces() {
        assert_eq!(code("  Ésch  "), None);
        assert_eq!(code("ééééé"), None);
    }
}
