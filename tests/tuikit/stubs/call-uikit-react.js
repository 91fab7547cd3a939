// Stand-in for @tencentcloud/call-uikit-react (Tencent's audio/video call UI, not chat), which TUIKit
// React 2.x imports for rendering call-signalling messages. Renders the fallback content the kit
// passes as children, i.e. what the kit shows when the call kit is not installed.
export function CallMessage(props) {
  return props.children ?? null;
}
