import type { ScanMessages } from './sv';

/** Reading QR codes into the authenticator (English). Same keys as sv.ts, by type. */
export const scanEn: ScanMessages = {
  scan: {
    title: 'Read a QR code',
    intro: 'Show the service’s QR code on screen and scan it. Or use a picture of the code.',
    screens: 'Scan screens',
    screensHint: 'Reads every display in one click.',
    area: 'Select area',
    areaHint: 'Choose where on the screen the code is.',
    image: 'Choose image…',
    imageLabel: 'Image with a QR code',
    drop: 'Drop a picture of the QR code here, or paste one with {shortcut}.',
    dropActive: 'Drop the image to read it',
    busy: 'Reading the QR code…',
    capturing: 'Taking a picture of the screen…',
    addedOne: '{name} is added.',
    addedMany: '{count} accounts are added.',
    resultTitle: 'Scan result',
    added: '{name}: added',
    exists: '{name} is already in the authenticator and was not added again.',
    noneAdded: 'No new account was added.',
    overlay: {
      title: 'Select the QR code',
      instructions:
        'Drag a frame around the QR code. With the keyboard: the arrow keys move the frame, Shift and the arrow keys change its size, Enter reads it and Escape cancels.',
      selection: 'Selected area of the screen picture',
      read: 'Read selected area',
      cancel: 'Cancel',
      screen: 'Screen {n}',
      screens: 'Choose screen',
    },
    errors: {
      otp: {
        'not-an-authenticator-code':
          'This QR code is not for an authenticator app (it is a web address, for example). Use the QR code the service shows when you turn on two-step verification.',
      },
      invalidCode: 'This QR code is for an authenticator app but cannot be used: {reason}',
    },
  },
};
