import type { SetupFlowMessages } from './en';

export const setupFlowSv: SetupFlowMessages = {
  setupFlow: {
    addLocalText: 'Godkänn inloggningar med ett klick på den här datorn, det snabbaste alternativet.',
    usePhone: 'Använd Visma Authenticator i min mobil',
    downloadTitle: 'Kom igång med 2FA',
    downloadText: 'Ladda ner Visma Authenticator appen för att aktivera push-meddelanden som föredraget 2FA alternativ',
    download1: 'Ladda ner och installera appen på din mobiltelefon',
    downloadQr: 'Ladda ner appen genom att skanna QR-koden',
    appStore: 'Ladda ned i App Store',
    googlePlay: 'Ladda ned på Google Play',
    download2: "När du har installerat appen på din enhet väljer du 'Nästa' på den här skärmen.",
    qrTitle: 'Använd koden för Visma Authenticator-appen, skanna QR-koden för att lägga till konto',
    qrText:
      'I appen Visma Authenticator väljer du alternativet "Skanna QR-kod" när du konfigurerar ditt konto och skannar denna QR-kod med enhetens kamera.',
    cantScan: 'Kan du inte skanna QR-koden?',
    cantScanText: 'Du kan välja manuellt i appen genom att klicka på "Inmatningsnyckel" och ange denna kod i "Kontots hemliga nyckel".',
    manualKeyLabel: 'Kontots hemliga nyckel',
    waitingForApp: 'Väntar på att appen ska lägga till kontot…',
    demoPhone: 'Ingen mobil till hands? Öppna den simulerade mobilen under Inkorg > Mobil och ange nyckeln där.',
    totpQrTitle: 'Lägg till ditt konto i din autentiseringsapp',
    totpCodeTitle: 'Ange säkerhetskoden som genererades av Authenticator-appen',
    deviceLabel: 'Enhet: {name}',
  },
};
