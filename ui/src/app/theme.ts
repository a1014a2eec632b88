import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  // The system's own interface font first: it is what the person's other office programs use,
  // and it always exists, so WebKit on Linux does not ask fontconfig about absent families (each
  // miss was a full font match while the first screen laid out).
  fontFamily: "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', sans-serif",
  fontFamilyMonospace: "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  headings: { fontWeight: "650" },
  components: {
    Card: { defaultProps: { withBorder: true, padding: "lg", radius: "md" } },
    Button: { defaultProps: { radius: "md" } },
  },
});
