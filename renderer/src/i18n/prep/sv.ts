import type { PrepMessages } from './en';

/**
 * Förberedelse av kontot för Visma Connect (svenska): bannern, Min profil > Kontoinställningar,
 * Inställningar > Visma Connect. Ordalydelsen följer guiden Get Started with Visma Connect ("Kom igång med Visma Connect").
 */
export const prepSv: PrepMessages = {
  prep: {
    banner: {
      title: 'Vi uppgraderar vår inloggningslösning!',
      text: 'Snart får du en enklare och ännu säkrare inloggning i HRM med Visma Connect. För att förbereda ditt konto anger och verifierar du din e-postadress under Kontoinställningar i Min profil.',
      textAfterCutover:
        'Flex HRM använder nu Visma Connect för inloggning. Koppla ditt konto nu: ange och verifiera din e-postadress under Kontoinställningar i Min profil. När du har loggat ut loggar du in med din e-postadress.',
      goToSettings: 'Gå till Kontoinställningar',
      notNow: 'Inte just nu',
    },
    profile: {
      myProfile: 'Min profil',
      accountSettings: 'Kontoinställningar',
      breadcrumb: 'Här är du',
      backHome: 'Tillbaka till Flex HRM',
    },
    verify: {
      title: 'Ange din e-postadress för att komma igång.',
      intro:
        'Innan vi byter till vår nya inloggningslösning behöver du ett Visma Connect-konto. Ange och verifiera din e-postadress så skapar vi ett konto åt dig. Om du redan har ett Visma Connect-konto kan du använda samma e-postadress.',
      email: 'E-post',
      verifyAccount: 'Verifiera konto',
      proposal: 'Förslag:',
      checkInbox: 'Kontrollera din inkorg',
      sentTo: 'Ett e-postmeddelande har skickats till {email} för att verifiera din e-postadress',
      validFor: 'Koden är giltig i {minutes} minuter.',
      code: 'Kod',
      codeHint: 'Den sexsiffriga koden i e-postmeddelandet',
      verifyCode: 'Verifiera kod',
      resend: 'Skicka en ny kod',
      resendIn: 'Ny kod om {seconds} s',
      resent: 'En ny kod har skickats till {email}. Använd den senaste koden.',
      working: 'Vänta…',
    },
    done: {
      title: 'Nu är allt klart!',
      text: 'Din användare är nu kopplad till ett Visma Connect-konto. Du kan inte logga in i Flex HRM med det riktigt än, men din administratör meddelar dig när det är dags!',
      textAfterCutover:
        'Din användare är nu kopplad till ett Visma Connect-konto. Flex HRM använder redan Visma Connect: från nästa inloggning använder du din e-postadress och ditt Visma Connect-lösenord.',
      password:
        'Om du inte har använt Visma Connect tidigare och vill vara helt förberedd inför bytet kan du redan nu ange ett lösenord i Visma Connects kontoinställningar. Klicka på knappen nedan, ange din e-postadress och välj "Glömt ditt lösenord?".',
      email: 'E-post',
      manage: 'Hantera ditt konto',
      linkedTitle: 'Din användare är kopplad till Visma Connect',
      linkedText:
        'Din Flex HRM-användare är kopplad till Visma Connect-kontot nedan. Din administratör meddelar dig när det är dags att logga in med det.',
      connectActive: 'Ditt företag loggar nu in med Visma Connect. Använd den här e-postadressen när du loggar in.',
    },
    signInFirst: {
      title: 'Logga in i Flex HRM först',
      text: 'Logga in med ditt användar-ID i Flex HRM för att förbereda ditt konto för Visma Connect.',
      link: 'Gå till inloggningen',
    },
    settings: {
      title: 'Visma Connect',
      text: 'Förbered ditt konto för den nya inloggningen: verifiera din e-postadress och koppla din användare till Visma Connect.',
      link: 'Visma Connect',
    },
  },
};
