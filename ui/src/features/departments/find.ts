// Apart from the departments screen, so the header's search can use it without loading the screen.

/**
 * Navigation memory key: a department name the page opens filtered on, once (the header's search
 * sets it when a department is chosen there).
 */
export const FIND_DEPARTMENT = "departments.find";
