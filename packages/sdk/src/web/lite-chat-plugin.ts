/**
 * `@parley/sdk/lite-chat-plugin`: what an app bundled for Tencent's modular "lite" SDK maps the
 * `@tencentcloud/lite-chat/plugins/*` modules to.
 *
 * Tencent's lite SDK ships conversations, groups, friends, rich media and so on as separate
 * plugin modules that an app (or TUIKit 6's engine) hands to `chat.use([...])`. Parley's SDK has
 * every module it implements built in, so there is nothing to load: each plugin import resolves to
 * this one marker object and `use()` accepts it. A feature Parley lacks stays missing either way;
 * the marker only keeps the bundler and `use()` from failing on the import.
 * @packageDocumentation
 */

/** The value every lite-chat plugin import resolves to (see the module comment). */
export interface LiteChatPluginMarker {
  /** Always `'built-in'`: the feature modules live in `@parley/sdk` itself. */
  readonly parleyModules: 'built-in';
}

/** The marker object; frozen, the same for every plugin name. */
export const liteChatPlugin: LiteChatPluginMarker = Object.freeze({ parleyModules: 'built-in' });

export default liteChatPlugin;
