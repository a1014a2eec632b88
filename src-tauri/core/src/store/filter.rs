//! A list's WHERE clause, built one condition at a time, each with its argument: the condition
//! writes `?` where its argument goes (every `?` in one condition is that same argument), and
//! the numbered placeholder is worked out here, so no list counts its own arguments.

use rusqlite::types::Value;

pub struct Where {
    sql: String,
    args: Vec<Value>,
}

/// The clause of a list without conditions.
pub const NO_FILTER: &str = " WHERE 1=1";

impl Default for Where {
    fn default() -> Self {
        Self {
            sql: String::from(NO_FILTER),
            args: Vec::new(),
        }
    }
}

impl Where {
    /// `AND cond`, with `value` wherever `cond` has `?`.
    pub fn and(&mut self, cond: &str, value: impl Into<Value>) {
        self.args.push(value.into());
        let at = format!("?{}", self.args.len());
        self.sql.push_str(" AND ");
        self.sql.push_str(&cond.replace('?', &at));
    }

    /// `AND cond` where the `?`s take `values` in turn (a condition testing two different
    /// patterns, as a name and a code).
    pub fn and_each(&mut self, cond: &str, values: Vec<Value>) {
        let mut parts = cond.split('?');
        self.sql.push_str(" AND ");
        self.sql.push_str(parts.next().unwrap_or_default());
        for (part, value) in parts.zip(values) {
            self.args.push(value);
            self.sql.push_str(&format!("?{}{part}", self.args.len()));
        }
    }

    /// `AND cond`, a condition without an argument.
    pub fn and_plain(&mut self, cond: &str) {
        self.sql.push_str(" AND ");
        self.sql.push_str(cond);
    }

    /// The clause (" WHERE 1=1 AND …") and its arguments, in order.
    pub fn into_parts(self) -> (String, Vec<Value>) {
        (self.sql, self.args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_condition_numbers_its_own_argument() {
        let mut w = Where::default();
        w.and("a = ?", 1);
        w.and_plain("b IS NULL");
        w.and("(c LIKE ? OR d LIKE ?)", "x%".to_owned());
        let (sql, args) = w.into_parts();
        assert_eq!(
            sql,
            " WHERE 1=1 AND a = ?1 AND b IS NULL AND (c LIKE ?2 OR d LIKE ?2)"
        );
        assert_eq!(args, vec![Value::Integer(1), Value::Text("x%".into())]);
    }

    #[test]
    fn each_question_mark_of_a_condition_may_take_its_own_argument() {
        let mut w = Where::default();
        w.and("a = ?", 1);
        w.and_each(
            "(b = ? OR c = ?)",
            vec![Value::Integer(2), Value::Integer(3)],
        );
        let (sql, args) = w.into_parts();
        assert_eq!(sql, " WHERE 1=1 AND a = ?1 AND (b = ?2 OR c = ?3)");
        assert_eq!(args.len(), 3);
    }
}
