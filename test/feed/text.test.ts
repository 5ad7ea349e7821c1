import { expect } from '@open-wc/testing';
import { decodeEntities, fold, safeUrl, slugify, toPlainText } from '../../src/feed/text.js';

describe('feed text', () => {
  it('decodes named, decimal and hex references, and leaves unknown names as written', () => {
    expect(decodeEntities('Kinh t&#7871; &amp; X&atilde; h&#x1ED9;i &hellip; &nbsp;')).to.equal('Kinh tế & Xã hội … \u00a0');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#99999999;')).to.equal('&bogus; \ufffd \ufffd \ufffd');
  });

  it("decodes every HTML5 name through the browser's parser, and only whole names", () => {
    expect(decodeEntities('&rsquo;&Ntilde;&ocirc;&agrave;&euro;&hellip;&dstrok;&abreve;&larr;&check;&Alpha;')).to.equal('’Ñôà€…đă←✓Α');
    // Two code points, and one beyond the BMP.
    expect(decodeEntities('&NotEqualTilde; &Afr;')).to.equal('\u2242\u0338 \u{1D504}');
    // "&notit;" is "¬it;" to an HTML parser (the start of a name it knows): not a name here.
    expect(decodeEntities('&notit; &bogusname; &CounterClockwiseContourIntegral;')).to.equal('&notit; &bogusname; ∳');
    // Without its ";" outside a URL, as before; in a URL only with it.
    expect(decodeEntities('&hellip &copy=2')).to.equal('… ©=2');
    expect(decodeEntities('?a=1&hellip=2', true)).to.equal('?a=1&hellip=2');
  });

  it('gives decoded markup back only as text', () => {
    expect(decodeEntities('&lt;script&gt;alert(1)&lt;/script&gt;')).to.equal('<script>alert(1)</script>');
    expect(decodeEntities('&LT;img src=x onerror=alert(1)&GT;')).to.equal('<img src=x onerror=alert(1)>');
    expect(toPlainText('&LT;b&GT;x&LT;/b&GT; &lt;i&gt;y&lt;/i&gt;')).to.equal('<b>x</b> <i>y</i>');
    // A name that decodes to ":" or a tab makes no javascript: link.
    for (const unsafe of ['javascript&colon;alert(1)', 'java&Tab;script:alert(1)', 'javascript&#58;alert(1)']) {
      expect(safeUrl(unsafe, 'https://phuong.example.vn/'), unsafe).to.equal(undefined);
    }
  });

  it('never finds an entity among Object\'s own properties', () => {
    expect(decodeEntities('&constructor; &toString; &__proto__; &hasOwnProperty;')).to.equal('&constructor; &toString; &__proto__; &hasOwnProperty;');
  });

  it('turns HTML into one line of text: hidden content dropped, inline tags joining words, others separating them', () => {
    expect(toPlainText('<p>Phường <b>Hương</b> Trà</p><p>ra quân<br>dọn dẹp</p>')).to.equal('Phường Hương Trà ra quân dọn dẹp');
    expect(toPlainText('Thứ <strong>Năm</strong>.')).to.equal('Thứ Năm.');
    expect(toPlainText('<script>alert(1)</script><style>p{}</style>Tin<!-- ghi chú -->')).to.equal('Tin');
    // Decoded after the tags are gone: escaped markup stays visible text.
    expect(toPlainText('&lt;b&gt;không in đậm&lt;/b&gt;')).to.equal('<b>không in đậm</b>');
    expect(toPlainText(42)).to.equal('42');
    expect(toPlainText({ title: 'x' })).to.equal('');
  });

  it('lets only http(s) URLs through, resolved against the base', () => {
    expect(safeUrl('/tin/1', 'https://phuong.example.vn/rss/feed.xml')).to.equal('https://phuong.example.vn/tin/1');
    expect(safeUrl('anh.jpg', 'https://phuong.example.vn/rss/feed.xml')).to.equal('https://phuong.example.vn/rss/anh.jpg');
    expect(safeUrl('https://a.vn/x?a=1&amp;b=2')).to.equal('https://a.vn/x?a=1&b=2');
    // A query's own names are not entities: &copy, &para, &not, &sect without their ";".
    expect(safeUrl('https://a.vn/tin?id=1&copy=2&para=3&not=4&sect=5')).to.equal('https://a.vn/tin?id=1&copy=2&para=3&not=4&sect=5');
    expect(safeUrl('https://a.vn/tin?id=1&amp;copy=2')).to.equal('https://a.vn/tin?id=1&copy=2');
    for (const unsafe of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'mailto:a@b.vn', '', 'http://[::1']) {
      expect(safeUrl(unsafe, 'https://phuong.example.vn/'), unsafe).to.equal(undefined);
    }
    expect(safeUrl(5)).to.equal(undefined);
  });

  it('folds Vietnamese for search: marks stripped, đ to d, lower case, composed or not', () => {
    expect(fold('Hương Trà')).to.equal('huong tra');
    expect(fold('ĐẢNG ỦY')).to.equal('dang uy');
    expect(fold('hóa hoá')).to.equal('hoa hoa');
    expect(fold('Hương Trà'.normalize('NFD'))).to.equal('huong tra');
    expect(slugify('Kinh tế - Chính trị - Văn hóa - Xã hội')).to.equal('kinh-te-chinh-tri-van-hoa-xa-hoi');
  });

  it('folds every marked letter of Vietnamese and its neighbours to its base letter, in either case', () => {
    const marked: Record<string, string> = {
      a: 'àáảãạăằắẳẵặâầấẩẫậäåā',
      e: 'èéẻẽẹêềếểễệëē',
      i: 'ìíỉĩịïîī',
      o: 'òóỏõọôồốổỗộơờớởỡợöøō',
      u: 'ùúủũụưừứửữựüûū',
      y: 'ỳýỷỹỵÿ',
      d: 'đ',
      c: 'ç',
      n: 'ñ',
    };
    for (const [base, letters] of Object.entries(marked)) {
      expect(fold(letters)).to.equal(base.repeat([...letters].length), letters);
      expect(fold(letters.toUpperCase())).to.equal(base.repeat([...letters].length), letters.toUpperCase());
    }
  });
});
