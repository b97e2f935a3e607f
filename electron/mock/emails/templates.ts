import type { Language } from '@shared/identity-api';
import { firstName, formatUtc, originBlock, signature, type RequestOrigin } from './format';

/**
 * Email and SMS texts, Swedish and English, worded after the seeds: the verification email of
 * the Get Started with Visma Connect guide and the reset email of the sign-in guides. `{link}` placeholders are filled by the outbox
 * with the message's link so the text and `links` always agree.
 */
export interface Rendered {
  template: string;
  subject: string;
  text: string;
  /** Label of the message's one link button, if it has one. */
  linkLabel?: string;
}

/** `afterCutover`: the company already signs in with Visma Connect, so nothing is "soon". */
export function verificationEmail(lang: Language, name: string, code: string, minutes: number, afterCutover = false): Rendered {
  if (lang === 'sv') {
    return {
      template: 'verify-email',
      subject: 'Verifiera din e-postadress för Visma Connect',
      text: [
        `Hej ${firstName(name)}`,
        '',
        afterCutover
          ? 'Flex HRM använder nu Visma Connect för inloggning. Verifiera din e-postadress för att koppla ditt konto, så kan du logga in med din e-postadress.'
          : 'Vi uppdaterar snart vår inloggningslösning till Visma Connect. Att verifiera din e-postadress är ett viktigt steg för att förbereda ditt konto inför förändringen.',
        '',
        'Så här gör du:',
        '- Ange koden nedan i Flex HRM för att verifiera din e-postadress.',
        '- När adressen är verifierad skapas ett Visma Connect-konto åt dig med den här e-postadressen och kopplas till din Flex HRM-användare.',
        '- Om du redan har ett Visma Connect-konto med den här e-postadressen kopplas i stället ditt befintliga konto till Flex HRM.',
        '',
        'Din verifieringskod:',
        '',
        code,
        '',
        `Koden är giltig i ${minutes} minuter.`,
        '',
        'Om du inte vill verifiera din e-postadress eller om meddelandet har nått dig av misstag kan du bortse från det. Ingenting händer om koden inte används.',
      ].join('\n'),
    };
  }
  return {
    template: 'verify-email',
    subject: 'Verify your email address for Visma Connect',
    text: [
      `Hi ${firstName(name)}`,
      '',
      afterCutover
        ? 'Flex HRM now uses Visma Connect for login. Verify your email address to link your account, so that you can sign in with your email address.'
        : "We're soon updating our login solution to Visma Connect. Verifying your email address is an important step in preparing your account for this change.",
      '',
      "Here's what to do:",
      '- Enter the code below in Flex HRM to verify your email address.',
      '- Once verified, a Visma Connect account will be created for you using this email address and linked to your Flex HRM user',
      '- If you already have a Visma Connect account with this email, your existing account will instead be linked to Flex HRM.',
      '',
      'Your verification code:',
      '',
      code,
      '',
      `The code is valid for ${minutes} minutes.`,
      '',
      "If you don't want to verify your email address or if this message has reached you by mistake, you can simply ignore it. No action will be taken if the code isn't used.",
    ].join('\n'),
  };
}

export function resetEmail(lang: Language, email: string, hours: number, origin: RequestOrigin): Rendered {
  if (lang === 'sv') {
    return {
      template: 'reset-password',
      subject: 'Ange nytt lösenord för ditt Visma-konto',
      linkLabel: 'Ange nytt lösenord',
      text: [
        'Hej användare,',
        '',
        `Du har begärt ett nytt lösenord för ditt Visma-konto: ${email}.`,
        '',
        'Klicka på länken nedan för att ange ditt nya lösenord: Ange nytt lösenord',
        '{link}',
        '',
        `Denna länk upphör att gälla om ${hours} timmar och fungerar bara en gång. Om länken inte går att klicka på, kopiera och klistra in den i din webbläsare.`,
        '',
        originBlock(lang, origin),
        '',
        signature(lang),
      ].join('\n'),
    };
  }
  return {
    template: 'reset-password',
    subject: 'Set a new password for your Visma account',
    linkLabel: 'Enter new password',
    text: [
      'Hi user,',
      '',
      `You have requested a new password for your Visma account: ${email}.`,
      '',
      'Click the link below to set your new password: Enter new password',
      '{link}',
      '',
      `This link expires in ${hours} hours and only works once. If the link cannot be clicked, copy and paste it into your browser.`,
      '',
      originBlock(lang, origin),
      '',
      signature(lang),
    ].join('\n'),
  };
}

export function magicLinkEmail(lang: Language, email: string, minutes: number, origin: RequestOrigin): Rendered {
  const sv = lang === 'sv';
  return {
    template: 'magic-link',
    subject: sv ? 'Engångslänk för inloggning' : 'One-time sign in link',
    linkLabel: sv ? 'Logga in' : 'Sign in',
    text: [
      sv ? 'Hej användare,' : 'Hi user,',
      '',
      sv
        ? `Du har begärt en engångslänk för att logga in på ditt Visma-konto: ${email}.`
        : `You have requested a one-time link to sign in to your Visma account: ${email}.`,
      '',
      sv ? 'Klicka på länken nedan för att logga in: Logga in' : 'Click the link below to sign in: Sign in',
      '{link}',
      '',
      sv
        ? `Denna länk upphör att gälla om ${minutes} minuter och fungerar bara en gång. Ditt lösenord ändras inte, och tvåfaktorsautentisering gäller fortfarande.`
        : `This link expires in ${minutes} minutes and only works once. Your password is not changed, and two-factor authentication still applies.`,
      '',
      originBlock(lang, origin),
      '',
      signature(lang),
    ].join('\n'),
  };
}

export function passwordChangedEmail(lang: Language, email: string, origin: RequestOrigin): Rendered {
  const sv = lang === 'sv';
  return {
    template: 'password-changed',
    subject: sv ? 'Ditt lösenord har ändrats' : 'Your password has been changed',
    text: [
      sv ? 'Hej användare,' : 'Hi user,',
      '',
      sv
        ? `Lösenordet för ditt Visma-konto ${email} ändrades ${formatUtc(origin.at)}.`
        : `The password for your Visma account ${email} was changed on ${formatUtc(origin.at)}.`,
      '',
      sv
        ? 'Om det var du behöver du inte göra något. Om det inte var du: välj "Glömt ditt lösenord?" vid inloggningen för att ange ett nytt lösenord och kontakta support.'
        : 'If this was you, there is nothing more to do. If it was not you: choose "Forgot your password?" when signing in to set a new password, and contact support.',
      '',
      originBlock(lang, origin),
      '',
      signature(lang),
    ].join('\n'),
  };
}

export function smsCode(lang: Language, code: string, minutes: number): Rendered {
  return {
    template: 'sms-code',
    subject: '',
    text:
      lang === 'sv'
        ? `Din Visma-verifieringskod är ${code}. Koden gäller i ${minutes} minuter. Dela den inte med någon.`
        : `Your Visma verification code is ${code}. The code is valid for ${minutes} minutes. Do not share it with anyone.`,
  };
}
