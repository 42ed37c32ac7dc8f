/**
 * A fictional corpus for the spam filter's tests: genuine submissions (arrests, torture,
 * disappearances, in Spanish and English, composed from parts so there are many distinct texts)
 * and spam (crypto, pharmacy, SEO, casinos, loans, gibberish, fake "aid" donations). Every name and
 * place is invented or generic. The hard cases at the end are written out by hand.
 */
const rnd = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

const HAM_ES = {
  who: [
    'Mi hermano',
    'Mi hijo de 19 años',
    'Mi esposo',
    'Un vecino del sector',
    'Mi padre',
    'Mi prima',
    'Un compañero del sindicato',
    'Mi hija, estudiante de la universidad',
  ],
  what: [
    'fue detenido por funcionarios encapuchados que no mostraron ninguna orden',
    'se lo llevaron hombres vestidos de negro en una camioneta sin placas',
    'fue sacado de la casa de madrugada por efectivos de la guardia',
    'lo arrestaron durante la protesta y lo subieron a una patrulla',
    'la detuvieron en un punto de control cuando volvía del trabajo',
    'fue citado a declarar y nunca salió de la sede policial',
  ],
  when: [
    'el 12 de marzo',
    'a finales de julio de 2019',
    'el día de las elecciones',
    'hace dos años, en enero',
    'la noche del 4 de agosto',
  ],
  after: [
    'Durante quince días no supimos dónde estaba; en la sede nos decían que no tenían a nadie con ese nombre.',
    'Cuando por fin lo vimos tenía marcas de golpes en la espalda y quemaduras en los brazos.',
    'Nos contó que lo tuvieron esposado, con la cabeza cubierta, y que le aplicaron descargas eléctricas.',
    'Le quitaron el teléfono y lo obligaron a grabar un video diciendo que era terrorista.',
    'Hasta hoy no sabemos nada de él. Fuimos a la fiscalía y no quisieron recibir la denuncia.',
    'Estuvo en una celda sin luz con otros doce detenidos; casi no les daban agua.',
    'El abogado privado no pudo verlo; le asignaron un defensor público que nunca habló con nosotros.',
  ],
  close: [
    'Tengo miedo de que nos pase algo por contar esto.',
    'Quiero que esto se sepa y que los responsables respondan.',
    'Puedo dar más detalles si es necesario, pero no quiero que se publique mi nombre.',
    'Otros vecinos vieron todo y podrían declarar.',
    '',
  ],
};
const HAM_EN = {
  who: [
    'My brother',
    'My son',
    'My husband',
    'A colleague from the newspaper',
    'My father',
    'My cousin',
    'A student I know',
  ],
  what: [
    'was taken from our home at dawn by hooded officers who showed no warrant',
    'was arrested at the march and pushed into an unmarked van',
    'was stopped at a checkpoint and detained without explanation',
    'was summoned for questioning and never came out of the police station',
  ],
  when: ['on 12 March', 'in late July 2019', 'on election day', 'two years ago, in January'],
  after: [
    'For two weeks nobody would tell us where he was held.',
    'When we finally saw him he had bruises on his back and burns on his arms.',
    'He told us they kept him handcuffed and hooded and gave him electric shocks.',
    'We still do not know where he is. The prosecutor refused to register our complaint.',
    'He shared a dark cell with a dozen other detainees and they were barely given water.',
  ],
  close: [
    'I am afraid of reprisals for telling this.',
    'I want those responsible to answer for it.',
    'Please do not publish my name.',
    '',
  ],
};

const SPAM = [
  'Gana dinero desde casa!!! Invierte en BITCOIN y duplica tu capital en 7 dias. Escribe ya al +58 414 555 0101',
  'CRYPTO SIGNALS 500% PROFIT GUARANTEED join now www.pump-signals.xyz',
  'Compra viagra y cialis sin receta, envio discreto, precios bajos http://farmacia-barata.ru',
  'Cheap meds online no prescription needed best prices www.pills-express.top order today',
  'Improve your website ranking! SEO services, backlinks, 1000 visitors/day. Contact seo.master@mailbox.biz',
  'Casino online bono de bienvenida 200% + 100 giros gratis juega ahora en www.casino-royal.top',
  'Prestamos rapidos sin verificacion de credito, aprobado en 5 minutos, llama al 0800-555-1234',
  'Hot singles in your area want to meet you tonight click here www.date-now.info',
  'asdkjh qwpoeiru zxcmnb lkjhgf poiuyt qwerty mnbvcx asdfgh',
  'Donaciones para ayuda humanitaria: envia USDT a la billetera TX9f8a7b6c5d4e3f2 y recibe el doble',
  'Work from home and earn $5000 per week, no experience needed, click www.easy-cash.biz',
  'Vendo seguidores de instagram y tiktok reales 10000 por $20 escribe al whatsapp +1 305 555 0199',
  'OFERTA!!! Relojes de lujo replica al 90% de descuento www.relojes-top.com',
  'Your account has been selected for a prize of $1,000,000. Send your bank details to claim.',
  'Recupera tu ex con amarres de amor efectivos, resultados en 24 horas, consulta gratis +58 412 555 7788',
  'Buy followers, likes and views. Cheapest SMM panel www.smm-panel.top. Crypto accepted.',
  'Inversion en forex con robot automatico ganancias diarias 3% escribe a forex.ganador@mail.ru',
  'Descarga peliculas gratis en HD sin registro www.pelis-gratis.xyz www.series-hd.xyz',
  'Loan offer at 2% interest for everyone, contact us at quickloans@fastmail.info now',
  'zzzzz test test test prueba prueba 123 hola hola hola!!!!!',
  'Trabaja con nosotros y gana 300 USD diarios desde tu celular, cupos limitados, www.gana-ya.info',
  'Airdrop gratis de tokens, conecta tu wallet y reclama 1000 tokens www.airdrop-free.top',
  'Curso de trading gratis, aprende a ganar $1000 diarios. Inscribete www.trading-pro.info',
  'SEO backlinks cheap guest posts high DA domains contact linkbuilder@seo.biz',
  'qwrtypsdf ghjklzxcv bnmqwrtyp sdfghjklz pero compra aqui www.xx-shop.ru',
];

/** Genuine examples, hard cases the filter must not reject blindly (links, numbers, capitals). */
const HAM_HARD = [
  'Mi hermano fue detenido el 3 de mayo. La noticia salió en https://www.efectococuyo.com/ y en otros medios. Lo tienen en el Helicoide y no nos dejan verlo.',
  'MI HIJO ESTÁ DESAPARECIDO DESDE EL 20 DE ENERO. LO SACARON DE LA CASA Y NADIE NOS DICE NADA. POR FAVOR AYÚDENNOS.',
  'Pueden contactarme al 0414 555 2233 si necesitan más información sobre la detención de mi esposo en Maracay.',
];
const SPAM_HARD = [
  'Hola, somos una fundación de ayuda a presos políticos. Para liberar a su familiar deposite 500 USD en la cuenta indicada.',
];

export interface LabelledText {
  text: string;
  spam: boolean;
}

export function corpus(seed: number, nHam: number): LabelledText[] {
  const r = rnd(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const out: LabelledText[] = [];
  for (let i = 0; i < nHam; i++) {
    const L = r() < 0.7 ? HAM_ES : HAM_EN;
    out.push({
      text: `${pick(L.who)} ${pick(L.what)} ${pick(L.when)}. ${pick(L.after)} ${pick(L.after)} ${pick(L.close)}`.trim(),
      spam: false,
    });
  }
  return out;
}

export const SPAM_TEXTS = SPAM;
export const HARD_CASES: LabelledText[] = [
  ...HAM_HARD.map((text) => ({ text, spam: false })),
  ...SPAM_HARD.map((text) => ({ text, spam: true })),
];
