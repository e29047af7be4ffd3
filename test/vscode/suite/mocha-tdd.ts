// Mocha's TDD interface. Mocha puts these functions on the global object while it loads each test file,
// so they are looked up at call time; this keeps them typed without declaring globals for the whole project.
type Body = () => void | Promise<void>;

interface Tdd {
  suite(title: string, body: () => void): void;
  test(title: string, body: Body): void;
  suiteSetup(body: Body): void;
  suiteTeardown(body: Body): void;
  setup(body: Body): void;
  teardown(body: Body): void;
}

const tdd = (): Tdd => globalThis as unknown as Tdd;

export const suite = (title: string, body: () => void): void => tdd().suite(title, body);
export const test = (title: string, body: Body): void => tdd().test(title, body);
export const suiteSetup = (body: Body): void => tdd().suiteSetup(body);
export const suiteTeardown = (body: Body): void => tdd().suiteTeardown(body);
export const setup = (body: Body): void => tdd().setup(body);
export const teardown = (body: Body): void => tdd().teardown(body);
