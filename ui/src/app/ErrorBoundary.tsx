import { Component, type ErrorInfo, type ReactNode } from "react";

/**
 * Last line of defence: a screen that crashed shows what happened instead of a blank window.
 * Plain markup on purpose, so it renders even if the component library is what failed.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" data-testid="crash" style={{ padding: 32, fontFamily: "sans-serif" }}>
        <h2>Backoffice</h2>
        <p>Something went wrong on this screen. Your data is safe; restart the app to continue.</p>
        <pre style={{ whiteSpace: "pre-wrap", color: "#a00" }}>
          {String(this.state.error?.stack ?? this.state.error)}
        </pre>
      </div>
    );
  }
}
