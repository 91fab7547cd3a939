/** The SDK's version (`TencentCloudChat.VERSION`, V2TIM `getVersion()`); equals package.json's, which a test checks. */
export const VERSION = '0.1.0';
