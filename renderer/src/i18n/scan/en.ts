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
      instructions: 'Drag a frame around the QR code. With the keyboard: the arrow keys move the frame, Shift and the arrow keys change its size, Enter reads it and Escape cancels.',
      selection: 'Selected area of the screen picture',
      read: 'Read selected area',
      cancel: 'Cancel',
      screen: 'Screen {n}',
      screens: 'Choose screen',
    },
    errors: {
      qr: {
        'no-qr-found': 'No QR code was found. Make sure the whole code is visible and not too small, then try again. You can also select the area yourself or use an image.',
        'unsupported-image': 'The file is not an image that can be read. Use a PNG or JPEG image.',
        'image-too-large': 'The image is too large. Use a smaller image, or a screenshot of just the QR code.',
        'decode-timeout': 'Reading the image took too long. Try again, or select a smaller area.',
        'decoder-crashed': 'The QR reader stopped working. Try again.',
        'invalid-frame': 'The screen picture could not be read. Try again.',
      },
      otp: {
        'not-an-authenticator-code': 'This QR code is not for an authenticator app (it is a web address, for example). Use the QR code the service shows when you turn on two-step verification.',
      },
      invalidCode: 'This QR code is for an authenticator app but cannot be used: {reason}',
      capture: {
        'permission-denied': 'The app is not allowed to take pictures of the screen. Open System Settings > Privacy & Security > Screen Recording, turn on Flex HRM Connect and restart the app. You can also choose an image or paste one.',
        unavailable: 'Taking a picture of the screen is not possible here (for example on Wayland without a screen-sharing portal). Take a screenshot yourself and choose it with “Choose image…”, drop it here or paste it with {shortcut}.',
        'not-supported': 'This version of the app cannot take pictures of the screen. Choose an image or paste one.',
        cancelled: 'Screen sharing was cancelled, so no picture was taken.',
      },
      scan: {
        'capture-expired': 'The screen picture is too old. Select the area again.',
        'region-empty': 'The area is too small. Drag a larger frame around the QR code.',
      },
      image: {
        'too-large': 'The image is too large (at most {max} MB).',
        'not-an-image': 'That is not an image. Use a PNG or JPEG picture of the QR code.',
      },
    },
  },
};
