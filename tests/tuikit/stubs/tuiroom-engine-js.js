// Stand-in for @tencentcloud/tuiroom-engine-js (Tencent's audio/video room engine, not chat), which
// tuikit-atomicx-react imports for its live/room components. The chat screens under test never
// reach it; every enum is an empty object and the engine refuses to start, so a room feature that
// did run would fail loudly instead of pretending.
const refuse = () => Promise.reject(new Error('tuiroom-engine-js is not part of this test app'));
export default class TUIRoomEngine {
  static once() {}
  static on() {}
  static off() {}
  static init() { return refuse(); }
  static login() { return refuse(); }
  static setSelfInfo() { return refuse(); }
  static getTRTCCloud() { return undefined; }
  static callExperimentalAPI() { return refuse(); }
}
export const TRTCCloud = Object.freeze({});
export const TRTCMediaMixingEvent = Object.freeze({});
export const TRTCMediaSourceType = Object.freeze({});
export const TRTCVideoFillMode = Object.freeze({});
export const TRTCVideoMirrorType = Object.freeze({});
export const TRTCVideoResolution = Object.freeze({});
export const TRTCVideoResolutionMode = Object.freeze({});
export const TRTCVideoRotation = Object.freeze({});
export const TRTCVideoStreamType = Object.freeze({});
export const TUIAudioRoute = Object.freeze({});
export const TUIBattleStoppedReason = Object.freeze({});
export const TUIConferenceCancelReason = Object.freeze({});
export const TUIConferenceInvitationManagerEvents = Object.freeze({});
export const TUIConferenceListManagerEvents = Object.freeze({});
export const TUIConferenceStatus = Object.freeze({});
export const TUIConnectionCode = Object.freeze({});
export const TUIDeviceStatus = Object.freeze({});
export const TUIErrorCode = Object.freeze({});
export const TUIInvitationCode = Object.freeze({});
export const TUIInvitationRejectedReason = Object.freeze({});
export const TUIInvitationStatus = Object.freeze({});
export const TUIKickedOutOfRoomReason = Object.freeze({});
export const TUILiveBattleManagerEvents = Object.freeze({});
export const TUILiveConnectionManagerEvents = Object.freeze({});
export const TUILiveGiftManagerEvents = Object.freeze({});
export const TUILiveLayoutManagerEvents = Object.freeze({});
export const TUILiveListManagerEvents = Object.freeze({});
export const TUILiveModifyFlag = Object.freeze({});
export const TUIMediaDevice = Object.freeze({});
export const TUIMediaDeviceState = Object.freeze({});
export const TUIMediaDeviceType = Object.freeze({});
export const TUIMoveSeatPolicy = Object.freeze({});
export const TUINetworkQuality = Object.freeze({});
export const TUIRequestAction = Object.freeze({});
export const TUIRequestCallbackType = Object.freeze({});
export const TUIResolutionMode = Object.freeze({});
export const TUIRole = Object.freeze({});
export const TUIRoomDeviceMangerEvents = Object.freeze({});
export const TUIRoomEvents = Object.freeze({});
export const TUIRoomType = Object.freeze({});
export const TUISeatMode = Object.freeze({});
export const TUIVideoQuality = Object.freeze({});
export const TUIVideoStreamType = Object.freeze({});
