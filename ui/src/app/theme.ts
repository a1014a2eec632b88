import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily:
    "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif",
  headings: { fontWeight: "650" },
  components: {
    Card: { defaultProps: { withBorder: true, padding: "lg", radius: "md" } },
    Button: { defaultProps: { radius: "md" } },
  },
});
