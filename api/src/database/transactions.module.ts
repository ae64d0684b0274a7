import { Global, Module } from '@nestjs/common';
import { Transactions } from './transactions';

/** `Transactions` for every module; the CLS transaction host it uses is registered in AppModule. */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}
