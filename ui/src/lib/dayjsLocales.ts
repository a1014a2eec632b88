// The date pickers' month and day names, loaded with the screens that have a date picker rather
// than before sign-in. Import this module for its effect from any module rendering one.
import "dayjs/locale/it";
import "dayjs/locale/en-gb";
