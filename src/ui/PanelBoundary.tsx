import { Component, type ErrorInfo, type ReactNode } from "react";
import { actions } from "../app/actions";

interface Props {
  /** What the panel is, for the message ("The timeline failed"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  copied: boolean;
}

/**
 * Keeps one panel's failure to that panel: the rest of the page goes on
 * working, and the person gets a way back and the details to report.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null, copied: false };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error, copied: false };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    this.details = `${this.props.name} failed: ${error.message}\n${error.stack ?? ""}\n${info.componentStack ?? ""}\nLink: ${location.href}`;
  }

  private details = "";

  private reset = (): void => {
    actions.loadPreset("default");
    this.setState({ error: null, copied: false });
  };

  private copy = (): void => {
    const text = this.details || `${this.props.name} failed: ${this.state.error?.message ?? ""}`;
    navigator.clipboard?.writeText(text).then(
      () => this.setState({ copied: true }),
      () => this.setState({ copied: false }),
    );
  };

  render(): ReactNode {
    const { error, copied } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="panel panel-error" role="alert" aria-label={`${this.props.name} error`}>
        <h2>{this.props.name} stopped working</h2>
        <p>
          Something went wrong while showing this part of the page: <code>{error.message}</code>.
          The rest of the page still works.
        </p>
        <div className="panel-error-actions">
          <button type="button" onClick={this.reset}>
            Reset to the default scenario
          </button>
          <button type="button" onClick={this.copy}>
            Copy error details
          </button>
          <span role="status">{copied ? "Details copied" : ""}</span>
        </div>
      </section>
    );
  }
}
