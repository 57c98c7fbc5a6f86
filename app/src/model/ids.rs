//! The ids of the portal's records, one type each, so that a person's id cannot be passed where a
//! business eSpace's is expected: functions that took two or three `&str` ids in a row (one,
//! `is_member`, bound its two in the reverse order of its callers) now take types the compiler
//! tells apart. An id is opaque text (the server makes UUIDs): it says nothing about access,
//! which every query still checks (a non-member's lookup is `None`). They travel as plain
//! strings (`serde(transparent)`), in addresses, forms and JSON alike.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// An id as the server made or stored it, or as an address carries it.
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

id_type!(
    /// A signed-in person (`persons.id`), applicant or Police agent.
    PersonId
);
id_type!(
    /// A business eSpace (`business_espaces.id`).
    BusinessId
);
id_type!(
    /// A request of either procedure, draft or submitted (`requests.id`).
    RequestId
);
id_type!(
    /// A connected site: the approved connection request that is its record, seen through the
    /// site's pages (`requests.id` of a request that `IS_SITE`).
    SiteId
);

impl SiteId {
    /// The request the site's record is.
    pub fn request(&self) -> RequestId {
        RequestId(self.0.clone())
    }
}

impl RequestId {
    /// The site an approved connection request became.
    pub fn site(&self) -> SiteId {
        SiteId(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_travels_as_its_plain_text() {
        let id = BusinessId::new("3f2a");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"3f2a\"");
        assert_eq!(serde_json::from_str::<BusinessId>("\"3f2a\"").unwrap(), id);
        assert_eq!(id.to_string(), "3f2a");
    }
}
